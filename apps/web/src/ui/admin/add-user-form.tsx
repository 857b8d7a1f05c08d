'use client';

import type { User, UserRole } from '@healthcare/core/users/user-schemas';
import { useState } from 'react';
import { callApi } from '../api/call-api';
import { FormError } from '../forms/form-message';
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

const fields = ['name', 'email', 'password', 'role'] as const;
const empty = { name: '', email: '', password: '', role: '' };

/** An admin adds a colleague with an initial password they hand over in person. */
export function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState(empty);
  const [added, setAdded] = useState<string | undefined>();
  const setField = (field: keyof typeof empty) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { submitting, fieldErrors, message, onSubmit } = useFormSubmission(fields, async () => {
    setAdded(undefined);
    const { user } = await callApi<{ user: User }>('POST', '/users', {
      body: { ...values, role: values.role || undefined },
    });
    setValues(empty);
    setAdded(user.name);
    onAdded(user);
  });
  const roles: UserRole[] = ['clinician', 'staff', 'admin'];

  return (
    <section className="card" aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t.admin.addUserTitle}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError message={message} />
        <div className="form__row">
          <TextField
            name="name"
            label={t.admin.name}
            autoComplete="off"
            required
            value={values.name}
            onValueChange={setField('name')}
            error={fieldErrors.name}
          />
          <TextField
            name="email"
            type="email"
            label={t.admin.email}
            autoComplete="off"
            required
            value={values.email}
            onValueChange={setField('email')}
            error={fieldErrors.email}
          />
        </div>
        <div className="form__row">
          <TextField
            name="password"
            type="password"
            label={t.admin.password}
            hint={t.admin.passwordHint}
            autoComplete="new-password"
            required
            value={values.password}
            onValueChange={setField('password')}
            error={fieldErrors.password}
          />
          <SelectField
            name="role"
            label={t.admin.role}
            placeholder={t.admin.rolePlaceholder}
            required
            options={roles.map((role) => ({ value: role, label: t.admin.roles[role] }))}
            value={values.role}
            onValueChange={setField('role')}
            error={fieldErrors.role}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t.admin.addingUser : t.admin.addUser}
          </button>
          <p role="status" className="form__status">
            {added ? interpolate(t.admin.userAdded, { name: added }) : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
