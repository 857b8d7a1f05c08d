'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '../api/call-api';
import { FormError } from '../forms/form-message';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/i18n-provider';

const fields = ['clinicName', 'name', 'email', 'password'] as const;
type SignupValues = Record<(typeof fields)[number], string>;

export function SignupForm() {
  const { t } = useI18n();
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
    { password: { too_small: t.signup.passwordTooShort } },
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <TextField
        name="clinicName"
        label={t.signup.clinicName}
        autoComplete="organization"
        required
        value={values.clinicName}
        onValueChange={setField('clinicName')}
        error={fieldErrors.clinicName}
      />
      <TextField
        name="name"
        label={t.signup.name}
        autoComplete="name"
        required
        value={values.name}
        onValueChange={setField('name')}
        error={fieldErrors.name}
      />
      <TextField
        name="email"
        type="email"
        label={t.signup.email}
        autoComplete="email"
        required
        value={values.email}
        onValueChange={setField('email')}
        error={fieldErrors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t.signup.password}
        autoComplete="new-password"
        required
        minLength={12}
        hint={t.signup.passwordHint}
        value={values.password}
        onValueChange={setField('password')}
        error={fieldErrors.password}
      />
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitting ? t.signup.submitting : t.signup.submit}
      </button>
      <p className="form__aside">
        {t.signup.haveAccount} <Link href="/login">{t.signup.logInLink}</Link>
      </p>
    </form>
  );
}
