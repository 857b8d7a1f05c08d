import { en } from './en';
import { ptBR } from './pt-BR';

/** Portuguese is the reference: a locale missing a key, or adding one, fails the type check. */
export type Dictionary = typeof ptBR;
/** The same objects as next-intl's messages: ICU syntax, `{name}` arguments. */
export type Messages = Dictionary;

export const locales = ['pt-BR', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'pt-BR';

/** Set by the language switch; read by the root layout on every request. */
export const localeCookieName = 'hc_locale';

const dictionaries: Record<Locale, Dictionary> = { 'pt-BR': ptBR, en };

export function isLocale(value: string | undefined): value is Locale {
  return (locales as readonly string[]).includes(value ?? '');
}

export function getDictionary(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** Fills `{name}` placeholders; dictionaries hold plain strings so they can cross to client components. */
export function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => values[key] ?? placeholder);
}
