import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '../../ui/layout/app-header';
import { hasSessionCookie } from '../../ui/session/has-session-cookie';
import { SessionProvider } from '../../ui/session/session-provider';

/** Every page that shows clinic data: signed-in readers only, under the app header. */
export default async function ClinicLayout({ children }: { children: ReactNode }) {
  if (!(await hasSessionCookie())) redirect('/login');
  return (
    <SessionProvider>
      <AppHeader />
      <main className="mx-auto max-w-300 px-4 pt-8 pb-16 sm:px-6">{children}</main>
    </SessionProvider>
  );
}
