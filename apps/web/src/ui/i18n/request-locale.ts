import { cookies } from 'next/headers';
import { defaultLocale, isLocale, localeCookieName, type Locale } from './dictionary';

/** Server components only: the locale chosen with the language switch, Portuguese until one is chosen. */
export async function getRequestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookieName)?.value;
  return isLocale(chosen) ? chosen : defaultLocale;
}
