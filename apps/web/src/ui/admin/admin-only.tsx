'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Card } from '../components/card';
import { useSession } from '../session/session-provider';

/**
 * Admin screens for admins; everyone else is told plainly that the page is not for them. The
 * API refuses them too (403): this only spares them a screen of errors.
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  const t = useTranslations('admin');
  const session = useSession();
  if (!session) {
    return (
      <p className="text-muted" role="status">
        {t('checking')}
      </p>
    );
  }
  if (session.user.role !== 'admin') {
    return (
      <Card className="mx-auto my-8 flex w-full max-w-md flex-col gap-3">
        <h1>{t('notAllowedTitle')}</h1>
        <p>{t('notAllowed')}</p>
      </Card>
    );
  }
  return children;
}
