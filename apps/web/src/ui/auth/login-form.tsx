'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { FormError } from '../forms/form-message';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/i18n-provider';

const fields = ['email', 'password'] as const;

export function LoginForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const { submitting, fieldErrors, message, onSubmit } = useFormSubmission(fields, async () => {
    try {
      await callApi('POST', '/auth/login', { body: { email, password } });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        throw new ApiProblem(401, t.login.badCredentials, error.type);
      }
      throw error;
    }
    router.replace('/today');
    return 'navigating';
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <TextField
        name="email"
        type="email"
        label={t.login.email}
        autoComplete="username"
        required
        value={email}
        onValueChange={setEmail}
        error={fieldErrors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t.login.password}
        autoComplete="current-password"
        required
        value={password}
        onValueChange={setPassword}
        error={fieldErrors.password}
      />
      <button type="submit" className="button button--primary" disabled={submitting}>
        {submitting ? t.login.submitting : t.login.submit}
      </button>
      <p className="form__aside">
        {t.login.noAccount} <Link href="/signup">{t.login.signUpLink}</Link>
      </p>
    </form>
  );
}
