import { type CheckLanguage } from './check-language';
import { type Frequency, extractFrequencies } from './extract-frequencies';
import { type SideMention, extractLaterality } from './extract-laterality';
import { type QuantityExtraction, extractQuantities } from './extract-quantities';
import { type TermMention, findNegations } from './find-negations';
import { readNumberWords } from './number-words';
import { readRelativeTimes } from './read-relative-times';
import { type ClinicalToken, tokenizeClinicalText } from './tokenize-clinical-text';

/** What the checks compare, read once from a note item or from its evidence. */
export interface ClinicalTextAnalysis extends QuantityExtraction {
  readonly source: string;
  readonly tokens: readonly ClinicalToken[];
  readonly frequencies: readonly Frequency[];
  readonly sides: readonly SideMention[];
  readonly terms: readonly TermMention[];
}

/**
 * `lenient` is for the evidence: it adds loose readings (a spoken "de manhã" as once a day, "ontem" as one
 * day ago) that may back the note's values.
 */
export function analyzeClinicalText(
  source: string,
  language: CheckLanguage,
  options: { lenient: boolean },
): ClinicalTextAnalysis {
  const tokens = readNumberWords(tokenizeClinicalText(source, language), source, language);
  const { quantities, pressures, bareNumbers } = extractQuantities(tokens, source, language);
  return {
    source,
    tokens,
    quantities: options.lenient ? [...quantities, ...readRelativeTimes(tokens, source)] : quantities,
    pressures,
    bareNumbers,
    frequencies: extractFrequencies(tokens, source, language, options),
    sides: extractLaterality(tokens, language),
    terms: findNegations(tokens, language),
  };
}
