'use client';

import { NextIntlClientProvider, useLocale, useMessages, useTimeZone } from 'next-intl';
import { useEffect, useState, type ReactNode } from 'react';

/**
 * Times are read in the reader's own time zone, as the "today" list counts days. The server does
 * not know that zone, so the first render (server and hydration alike) uses the server's, and the
 * browser's takes over once mounted; the instants shown come from client-side API calls anyway.
 */
export function BrowserTimeZone({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const messages = useMessages();
  const [timeZone, setTimeZone] = useState(useTimeZone());
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
