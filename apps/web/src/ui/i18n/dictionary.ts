import { en } from './en';
import { ptBR } from './pt-BR';

/**
 * next-intl's message catalogs (ICU syntax, `{name}` arguments). Portuguese is the reference: a
 * locale missing a key, or adding one, fails the type check.
 */
export type Messages = typeof ptBR;

export const locales = ['pt-BR', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'pt-BR';

/** Set by the language menu; read by src/ui/i18n/request.ts on every request. */
export const localeCookieName = 'hc_locale';

const catalogs: Record<Locale, Messages> = { 'pt-BR': ptBR, en };

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}
