import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ToastProvider } from '../ui/components/toast';
import { TooltipProvider } from '../ui/components/tooltip';
import { BrowserTimeZone } from '../ui/i18n/browser-time-zone';
import './globals.css';

export const metadata: Metadata = {
  title: 'HealthCare',
  // Clinical records are private: keep every page out of search engines.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  return (
    <html lang={locale}>
      <body>
        {/* Locale, messages and time zone come from src/ui/i18n/request.ts. */}
        <NextIntlClientProvider>
          <BrowserTimeZone>
            <TooltipProvider>
              <ToastProvider
                regionLabel={t('notifications')}
                toastLabel={t('notification')}
                closeLabel={t('close')}
              >
                {children}
              </ToastProvider>
            </TooltipProvider>
          </BrowserTimeZone>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
