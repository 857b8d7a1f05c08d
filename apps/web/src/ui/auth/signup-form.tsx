'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../api/call-api';
import { Button } from '../components/button';
import { FormError } from '../forms/form-message';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';

const fields = ['clinicName', 'name', 'email', 'password'] as const;
type SignupValues = Record<(typeof fields)[number], string>;

export function SignupForm() {
  const t = useTranslations('signup');
  const router = useRouter();
  const [values, setValues] = useState<SignupValues>({ clinicName: '', name: '', email: '', password: '' });
  const setField = (field: keyof SignupValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const { submitting, fieldErrors, message, onSubmit } = useFormSubmission(
    fields,
    async () => {
      await callApi('POST', '/auth/signup', { body: values });
      router.replace('/patients');
      return 'navigating';
    },
    // Only a new password has a minimum length; at login "too short" just means empty.
    { password: { too_small: t('passwordTooShort') } },
  );

  return (
    <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <TextField
        name="clinicName"
        label={t('clinicName')}
        autoComplete="organization"
        required
        value={values.clinicName}
        onValueChange={setField('clinicName')}
        error={fieldErrors.clinicName}
      />
      <TextField
        name="name"
        label={t('name')}
        autoComplete="name"
        required
        value={values.name}
        onValueChange={setField('name')}
        error={fieldErrors.name}
      />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="email"
        required
        value={values.email}
        onValueChange={setField('email')}
        error={fieldErrors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        autoComplete="new-password"
        required
        minLength={12}
        hint={t('passwordHint')}
        value={values.password}
        onValueChange={setField('password')}
        error={fieldErrors.password}
      />
      <Button type="submit" variant="primary" disabled={submitting}>
        {submitting ? t('submitting') : t('submit')}
      </Button>
      <p className="text-[0.95rem] text-muted">
        {t('haveAccount')} <Link href="/login">{t('logInLink')}</Link>
      </p>
    </form>
  );
}
