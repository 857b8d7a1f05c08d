'use client';

import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-provider';
import { useSession } from '../session/session-provider';

/**
 * Admin screens for admins; everyone else is told plainly that the page is not for them. The
 * API refuses them too (403): this only spares them a screen of errors.
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  if (!session) {
    return (
      <p className="muted" role="status">
        {t.admin.checking}
      </p>
    );
  }
  if (session.user.role !== 'admin') {
    return (
      <div className="card card--narrow not-allowed">
        <h1>{t.admin.notAllowedTitle}</h1>
        <p>{t.admin.notAllowed}</p>
      </div>
    );
  }
  return children;
}
