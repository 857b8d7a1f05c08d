import { describe, expect, it } from 'vitest';
import { type CheckLanguage } from './check-language';
import { readNumberWords } from './number-words';
import { tokenizeClinicalText } from './tokenize-clinical-text';

function numbersIn(text: string, language: CheckLanguage) {
  return readNumberWords(tokenizeClinicalText(text, language), text, language)
    .filter((token) => token.kind === 'number')
    .map((token) => ({ text: token.text, values: token.values }));
}

describe('readNumberWords', () => {
  it.each([
    ['dois dias', 'pt', 'dois', [2]],
    ['duas vezes', 'pt', 'duas', [2]],
    ['trinta e oito e meio', 'pt', 'trinta e oito e meio', [38.5]],
    ['trinta e oito vírgula cinco', 'pt', 'trinta e oito vírgula cinco', [38.5]],
    ['duzentos e cinquenta miligramas', 'pt', 'duzentos e cinquenta', [250]],
    ['mil e quinhentos', 'pt', 'mil e quinhentos', [1500]],
    ['dois mil trezentos e quarenta', 'pt', 'dois mil trezentos e quarenta', [2340]],
    ['meio comprimido', 'pt', 'meio', [0.5]],
    ['38 e meio', 'pt', '38 e meio', [38.5]],
    ['2 mil unidades', 'pt', '2 mil', [2000]],
    ['two hundred and fifty', 'en', 'two hundred and fifty', [250]],
    ['thirty-eight point five', 'en', 'thirty-eight point five', [38.5]],
    ['fifteen hundred', 'en', 'fifteen hundred', [1500]],
    ['one thousand five hundred', 'en', 'one thousand five hundred', [1500]],
    ['two and a half', 'en', 'two and a half', [2.5]],
    ['treinta y ocho y medio', 'es', 'treinta y ocho y medio', [38.5]],
    ['doscientos cincuenta', 'es', 'doscientos cincuenta', [250]],
    ['veintidós', 'es', 'veintidós', [22]],
  ] as const)('should read %j in %s as one number', (text, language, written, values) => {
    expect(numbersIn(text, language)).toEqual([{ text: written, values }]);
  });

  it('should read a spoken temperature without its decimal word, keeping the whole degrees as a reading', () => {
    expect(numbersIn('trinta e sete e oito', 'pt')).toEqual([
      { text: 'trinta e sete e oito', values: [37.8, 37] },
    ]);
  });

  it('should read English pressures and weights that drop "hundred"', () => {
    expect(numbersIn('one thirty over eighty five', 'en').map((number) => number.values)).toEqual([
      [130],
      [85],
    ]);
  });

  it('should keep numbers apart when nothing joins them as one', () => {
    expect(numbersIn('dois e três', 'pt').map((number) => number.values)).toEqual([[2], [3]]);
    expect(numbersIn('quinhentos uma vez ao dia', 'pt').map((number) => number.values)).toEqual([[500], [1]]);
    expect(numbersIn('treinta ocho', 'es').map((number) => number.values)).toEqual([[30], [8]]);
  });

  it('should read "once" as eleven only in Spanish', () => {
    expect(numbersIn('once', 'es')).toEqual([{ text: 'once', values: [11] }]);
    expect(numbersIn('once a day', 'en')).toEqual([]);
  });

  it('should keep the ambiguous readings of digits', () => {
    expect(numbersIn('1.500 ml', 'pt')).toEqual([{ text: '1.500', values: [1500, 1.5] }]);
  });
});
