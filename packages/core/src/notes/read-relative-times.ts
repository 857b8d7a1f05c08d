import { type ClinicalUnit, matchUnit } from './clinical-units';
import { type Quantity } from './extract-quantities';
import { type ClinicalToken } from './tokenize-clinical-text';

/** Spoken time references and the amount of time they stand for, written as that amount would be. */
const relativeTimes: ReadonlyArray<readonly [string, number, string]> = [
  ['anteontem', 2, 'dias'],
  ['antes de ontem', 2, 'dias'],
  ['ontem', 1, 'dia'],
  ['day before yesterday', 2, 'days'],
  ['yesterday', 1, 'day'],
  ['anteayer', 2, 'dias'],
  ['antier', 2, 'dias'],
  ['ayer', 1, 'dia'],
  ['semana passada', 1, 'semana'],
  ['last week', 1, 'week'],
  ['semana pasada', 1, 'semana'],
  ['mes passado', 1, 'mes'],
  ['last month', 1, 'month'],
  ['mes pasado', 1, 'mes'],
  ['ano passado', 1, 'ano'],
  ['last year', 1, 'year'],
  ['ano pasado', 1, 'ano'],
];

const unitOf = (word: string): ClinicalUnit | undefined =>
  matchUnit([{ text: word, norm: word, start: 0, end: word.length, kind: 'word' }], 0)?.unit;

/**
 * "começou ontem" backs "há 1 dia". Read only in the evidence: a note that writes "ontem" has no number to
 * check.
 */
export function readRelativeTimes(tokens: readonly ClinicalToken[], source: string): Quantity[] {
  const quantities: Quantity[] = [];
  tokens.forEach((_, index) => {
    for (const [phrase, value, unitWord] of relativeTimes) {
      const words = phrase.split(' ');
      const unit = unitOf(unitWord);
      if (unit === undefined || !words.every((word, offset) => tokens[index + offset]?.norm === word))
        continue;
      const last = index + words.length - 1;
      const text = source.slice(tokens[index]?.start ?? 0, tokens[last]?.end ?? 0);
      quantities.push({ values: [value], unit, text, firstToken: index, lastToken: last });
    }
  });
  return quantities;
}
