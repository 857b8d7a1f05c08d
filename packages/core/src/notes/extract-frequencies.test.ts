import { describe, expect, it } from 'vitest';
import { type CheckLanguage } from './check-language';
import { extractFrequencies } from './extract-frequencies';
import { readNumberWords } from './number-words';
import { tokenizeClinicalText } from './tokenize-clinical-text';

function frequenciesIn(text: string, language: CheckLanguage, lenient = false) {
  const tokens = readNumberWords(tokenizeClinicalText(text, language), text, language);
  return extractFrequencies(tokens, text, language, { lenient }).map((frequency) => [
    frequency.text,
    frequency.perDay,
  ]);
}

describe('extractFrequencies', () => {
  it.each([
    ['amoxicilina 500 mg de 8/8h', 'pt', 'de 8/8h', 3],
    ['de 12/12 horas', 'pt', 'de 12/12 horas', 2],
    ['de oito em oito horas', 'pt', 'de oito em oito horas', 3],
    ['a cada 6 horas', 'pt', 'cada 6 horas', 4],
    ['2x ao dia', 'pt', '2x ao dia', 2],
    ['2x/dia', 'pt', '2x/dia', 2],
    ['três vezes por dia', 'pt', 'três vezes por dia', 3],
    ['uma vez por semana', 'pt', 'uma vez por semana', 1 / 7],
    ['every 8 hours', 'en', 'every 8 hours', 3],
    ['every other day', 'en', 'every other day', 0.5],
    ['q6h', 'en', 'q6h', 4],
    ['twice a day', 'en', 'twice a day', 2],
    ['twice daily', 'en', 'twice daily', 2],
    ['three times a day', 'en', 'three times a day', 3],
    ['500 mg BID', 'en', 'BID', 2],
    ['500 mg b.i.d.', 'en', 'b.i.d.', 2],
    ['500 mg TID', 'en', 'TID', 3],
    ['500 mg QID', 'en', 'QID', 4],
    ['5 mg OD', 'en', 'OD', 1],
    ['10 mg daily', 'en', 'daily', 1],
    ['cada 8 horas', 'es', 'cada 8 horas', 3],
    ['dos veces al día', 'es', 'dos veces al día', 2],
  ] as const)('should read %j (%s) as %j', (text, language, written, perDay) => {
    expect(frequenciesIn(text, language)).toEqual([[written, perDay]]);
  });

  it('should not read a date, a right lower quadrant or a right eye as a frequency', () => {
    expect(frequenciesIn('retorno em 12/12', 'pt')).toEqual([]);
    expect(frequenciesIn('dor em QID', 'pt')).toEqual([]);
    expect(frequenciesIn('acuidade reduzida em OD', 'pt')).toEqual([]);
    expect(frequenciesIn('redness OD', 'en')).toEqual([]);
  });

  it('should read loose spoken forms only in the evidence, and one reading per phrase', () => {
    expect(frequenciesIn('tomo de manhã e à noite', 'pt')).toEqual([]);
    expect(frequenciesIn('tomo de manhã e à noite', 'pt', true)).toEqual([['de manhã e à noite', 2]]);
    expect(frequenciesIn('tomo à noite', 'pt', true)).toEqual([['à noite', 1]]);
    expect(frequenciesIn('tomar duas vezes', 'pt')).toEqual([]);
    expect(frequenciesIn('tomar duas vezes', 'pt', true)).toEqual([['duas vezes', 2]]);
  });
});
