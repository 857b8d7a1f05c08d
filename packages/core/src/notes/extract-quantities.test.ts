import { describe, expect, it } from 'vitest';
import { type CheckLanguage } from './check-language';
import { extractQuantities } from './extract-quantities';
import { readNumberWords } from './number-words';
import { tokenizeClinicalText } from './tokenize-clinical-text';

function quantitiesIn(text: string, language: CheckLanguage = 'pt') {
  const tokens = readNumberWords(tokenizeClinicalText(text, language), text, language);
  return extractQuantities(tokens, text, language);
}

const summary = (text: string, language?: CheckLanguage) =>
  quantitiesIn(text, language).quantities.map((quantity) => ({
    text: quantity.text,
    value: quantity.values[0],
    dimension: quantity.unit.dimension,
    scale: quantity.unit.scale,
  }));

describe('extractQuantities', () => {
  it.each([
    ['500 mg', { text: '500 mg', value: 500, dimension: 'mass', scale: 1 }],
    ['quinhentos miligramas', { text: 'quinhentos miligramas', value: 500, dimension: 'mass', scale: 1 }],
    ['1 g', { text: '1 g', value: 1, dimension: 'mass', scale: 1000 }],
    ['75 mcg', { text: '75 mcg', value: 75, dimension: 'mass', scale: 0.001 }],
    ['38,5 °C', { text: '38,5 °C', value: 38.5, dimension: 'temperature', scale: 1 }],
    ['38ºC', { text: '38ºC', value: 38, dimension: 'temperature', scale: 1 }],
    ['38C', { text: '38C', value: 38, dimension: 'temperature', scale: 1 }],
    ['38 graus e meio', { text: '38 graus e meio', value: 38.5, dimension: 'temperature', scale: 1 }],
    ['98%', { text: '98%', value: 98, dimension: 'percent', scale: 1 }],
    [
      'noventa e oito por cento',
      { text: 'noventa e oito por cento', value: 98, dimension: 'percent', scale: 1 },
    ],
    ['80 bpm', { text: '80 bpm', value: 80, dimension: 'heart-rate', scale: 1 }],
    ['250 mg/dL', { text: '250 mg/dL', value: 250, dimension: 'mg-per-dl', scale: 1 }],
    ['2 semanas', { text: '2 semanas', value: 2, dimension: 'time', scale: 10080 }],
    ['3 meses', { text: '3 meses', value: 3, dimension: 'calendar-time', scale: 1 }],
    ['2 comprimidos', { text: '2 comprimidos', value: 2, dimension: 'dose-form', scale: 1 }],
    ['1/2 comprimido', { text: '1/2 comprimido', value: 0.5, dimension: 'dose-form', scale: 1 }],
    ['dor 8/10', { text: '8/10', value: 8, dimension: 'score', scale: 1 }],
    ['oito de dez', { text: 'oito de dez', value: 8, dimension: 'score', scale: 1 }],
    ['20 UI', { text: '20 UI', value: 20, dimension: 'international-units', scale: 1 }],
  ] as const)('should read %j', (text, expected) => {
    expect(summary(text)).toEqual([expected]);
  });

  it('should read one dose per component of a combination drug', () => {
    expect(
      summary('amoxicilina + clavulanato 875/125 mg').map((quantity) => [quantity.text, quantity.value]),
    ).toEqual([
      ['875 mg', 875],
      ['125 mg', 125],
    ]);
  });

  it('should give the first number of a range the unit written after the second', () => {
    expect(summary('há 2 a 3 dias').map((quantity) => [quantity.text, quantity.value])).toEqual([
      ['3 dias', 3],
      ['2 a 3 dias', 2],
    ]);
  });

  it('should read blood pressures written or spoken', () => {
    const pressures = (text: string, language?: CheckLanguage) =>
      quantitiesIn(text, language).pressures.map((pressure) => [
        pressure.text,
        pressure.systolic[0],
        pressure.diastolic[0],
      ]);
    expect(pressures('PA 120x80 mmHg')).toEqual([['120x80 mmHg', 120, 80]]);
    expect(pressures('a pressão tá doze por oito')).toEqual([['doze por oito', 12, 8]]);
    expect(pressures('BP one thirty over eighty five', 'en')).toEqual([
      ['one thirty over eighty five', 130, 85],
    ]);
    expect(pressures('retorno em 12/03')).toEqual([]);
  });

  it('should keep numbers without a unit apart, for the evidence side', () => {
    const extraction = quantitiesIn('febre de trinta e oito e meio, G2P1');
    expect(extraction.quantities).toEqual([]);
    expect(extraction.bareNumbers.map((bare) => bare.values)).toEqual([[38.5]]);
  });

  it('should not take a spaced single letter for a unit', () => {
    expect(summary('2 d')).toEqual([]);
    expect(summary('7d')).toEqual([{ text: '7d', value: 7, dimension: 'time', scale: 1440 }]);
  });
});
