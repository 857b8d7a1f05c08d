import { type CheckLanguage } from './check-language';
import { readDigits } from './read-digits';

export interface ClinicalToken {
  /** As written, for messages a clinician reads. */
  readonly text: string;
  /** Lower case, without accents: what the rules compare. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'number' | 'symbol';
  /** A number's readings, the likeliest first; more than one when the writing is ambiguous. */
  readonly values?: readonly number[];
}

// Digits keep their separators ("37,5", "1.000"); words may carry digits ("SpO2", "q8h") and an apostrophe
// ("don't"), except the "x" of "120x80"; a line break is kept because it separates transcript segments.
const tokenPattern =
  /\d+(?:[.,]\d+)*|[xX](?=\d)|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)?|\n|[^\s\p{L}\p{M}\p{N}]/gu;

/** "Tórax" → "torax", "ºC" → "°c", "don’t" → "don't": one spelling per word, however it was typed. */
export function normalizeTerm(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/º/g, '°').replace(/’/g, "'");
}

export function tokenizeClinicalText(text: string, language: CheckLanguage): ClinicalToken[] {
  return Array.from(text.matchAll(tokenPattern), (match) => {
    const start = match.index;
    const written = match[0];
    const base = { text: written, norm: normalizeTerm(written), start, end: start + written.length };
    if (/^\d/.test(written)) return { ...base, kind: 'number', values: readDigits(written, language) };
    if (/^\p{L}/u.test(written)) return { ...base, kind: 'word' };
    return { ...base, kind: 'symbol' };
  });
}

export function isSentenceBreak(token: ClinicalToken | undefined): boolean {
  return token !== undefined && token.kind === 'symbol' && /^[.;!?\n]$/.test(token.norm);
}
