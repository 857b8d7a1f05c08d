'use client';

import type { User, UserRole } from '@healthcare/core/users/user-schemas';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '../api/call-api';
import { Button } from '../components/button';
import { CardSection } from '../components/card';
import { InlineAlert } from '../components/inline-alert';
import { useToast } from '../components/toast';
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';

const fields = ['name', 'email', 'password', 'role'] as const;
const empty = { name: '', email: '', password: '', role: '' };
const roles: UserRole[] = ['clinician', 'staff', 'admin'];

/** An admin adds a colleague with an initial password they hand over in person. */
export function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const t = useTranslations('admin');
  const toast = useToast();
  const [values, setValues] = useState(empty);
  const setField = (field: keyof typeof empty) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { submitting, fieldErrors, message, onSubmit } = useFormSubmission(fields, async () => {
    const { user } = await callApi<{ user: User }>('POST', '/users', {
      body: { ...values, role: values.role || undefined },
    });
    setValues(empty);
    toast({ title: t('userAdded', { name: user.name }) });
    onAdded(user);
  });

  return (
    <CardSection className="flex flex-col gap-4" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('addUserTitle')}</h2>
      <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
        {message ? <InlineAlert role="alert">{message}</InlineAlert> : null}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            name="name"
            label={t('name')}
            autoComplete="off"
            required
            value={values.name}
            onValueChange={setField('name')}
            error={fieldErrors.name}
          />
          <TextField
            name="email"
            type="email"
            label={t('email')}
            autoComplete="off"
            required
            value={values.email}
            onValueChange={setField('email')}
            error={fieldErrors.email}
          />
          <TextField
            name="password"
            type="password"
            label={t('password')}
            hint={t('passwordHint')}
            autoComplete="new-password"
            required
            value={values.password}
            onValueChange={setField('password')}
            error={fieldErrors.password}
          />
          <SelectField
            name="role"
            label={t('role')}
            required
            placeholder={t('rolePlaceholder')}
            options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={values.role}
            onValueChange={setField('role')}
            error={fieldErrors.role}
          />
        </div>
        <div>
          <Button type="submit" variant="primary" disabled={submitting}>
            {submitting ? t('addingUser') : t('addUser')}
          </Button>
        </div>
      </form>
    </CardSection>
  );
}
