'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { Button } from '../components/button';
import { FormError } from '../forms/form-message';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';

const fields = ['email', 'password'] as const;

export function LoginForm() {
  const t = useTranslations('login');
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const { submitting, fieldErrors, message, onSubmit } = useFormSubmission(fields, async () => {
    try {
      await callApi('POST', '/auth/login', { body: { email, password } });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        throw new ApiProblem(401, t('badCredentials'), error.type);
      }
      throw error;
    }
    router.replace('/today');
    return 'navigating';
  });

  return (
    <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="username"
        required
        value={email}
        onValueChange={setEmail}
        error={fieldErrors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        autoComplete="current-password"
        required
        value={password}
        onValueChange={setPassword}
        error={fieldErrors.password}
      />
      <Button type="submit" variant="primary" disabled={submitting}>
        {submitting ? t('submitting') : t('submit')}
      </Button>
      <p className="text-[0.95rem] text-muted">
        {t('noAccount')} <Link href="/signup">{t('signUpLink')}</Link>
      </p>
    </form>
  );
}
