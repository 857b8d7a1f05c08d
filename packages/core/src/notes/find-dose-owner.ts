import { clinicalStopwords } from './clinical-stopwords';
import { unitWords } from './clinical-units';
import { isSameTerm } from './same-term';
import { type ClinicalToken } from './tokenize-clinical-text';

/** A dose is usually written within a few words of its drug: "amoxicilina 500 mg", "amoxicilina, 500 mg 8/8h". */
const maxDistance = 8;

/**
 * The drug a dose or frequency starting at `index` belongs to: the nearest preceding word that is not a number,
 * a unit or a filler ("tomar", "dose"). Undefined when none is near; then the dose is compared with the whole
 * evidence instead of with that drug's dose.
 */
export function findDoseOwner(tokens: readonly ClinicalToken[], index: number): string | undefined {
  for (let position = index - 1; position >= Math.max(0, index - maxDistance); position--) {
    const token = tokens[position];
    if (token === undefined) return undefined;
    if (token.kind !== 'word' || unitWords.has(token.norm) || clinicalStopwords.has(token.norm)) continue;
    if (token.norm.length >= 4) return token.norm;
  }
  return undefined;
}

/** Whether the text names the drug at all, with or without a dose. */
export function mentionsDrug(tokens: readonly ClinicalToken[], drug: string): boolean {
  return tokens.some((token) => token.kind === 'word' && isSameTerm(token.norm, drug));
}
