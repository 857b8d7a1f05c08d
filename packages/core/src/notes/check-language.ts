export type CheckLanguage = 'pt' | 'en' | 'es';

/** Encounters are pt-BR unless told otherwise, so a language the checker does not know is read as Portuguese. */
export function toCheckLanguage(language: string): CheckLanguage {
  const base = language.toLowerCase().split(/[-_]/)[0];
  if (base === 'en') return 'en';
  if (base === 'es') return 'es';
  return 'pt';
}
