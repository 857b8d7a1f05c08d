import { type CheckLanguage } from './check-language';
import { clinicalStopwords, shortClinicalTerms } from './clinical-stopwords';
import { unitWords } from './clinical-units';
import { isSideWord } from './extract-laterality';
import { isCueWord, negationCues } from './negation-cues';
import { type ClinicalToken } from './tokenize-clinical-text';

/**
 * Whether a word may name a finding whose polarity is compared ("febre", "torácica", "penicillin"): not a
 * function word, unit, side, cue or relative. Sides and numbers have checks of their own.
 */
export function isFindingWord(token: ClinicalToken, language: CheckLanguage): boolean {
  if (token.kind !== 'word') return false;
  const norm = token.norm;
  if (norm.length < 4 && !shortClinicalTerms.has(norm)) return false;
  // "I've", "it's": contractions other than a negation are pronouns and auxiliaries.
  if (norm.includes("'") || clinicalStopwords.has(norm) || unitWords.has(norm) || isSideWord(norm))
    return false;
  return !isCueWord(norm, negationCues[language]);
}
