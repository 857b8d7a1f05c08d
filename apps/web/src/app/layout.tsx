import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getDictionary } from '../ui/i18n/dictionary';
import { I18nProvider } from '../ui/i18n/i18n-provider';
import { getRequestLocale } from '../ui/i18n/request-locale';
import './globals.css';

export const metadata: Metadata = {
  title: 'HealthCare',
  // Clinical records are private: keep every page out of search engines.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale} dictionary={getDictionary(locale)}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
