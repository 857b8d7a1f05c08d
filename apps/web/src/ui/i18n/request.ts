import { getRequestConfig } from 'next-intl/server';
import { messagesFor } from './dictionary';
import { getRequestLocale } from './request-locale';

/**
 * next-intl's per-request configuration (named in next.config.ts). No locale in the URL: the
 * `hc_locale` cookie chooses, Portuguese until one is chosen.
 */
export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return {
    locale,
    messages: messagesFor(locale),
    // The server's zone (TZ) for the first render; BrowserTimeZone then switches to the reader's.
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
});
