import { describe, expect, it } from 'vitest';
import { type CheckLanguage } from './check-language';
import { extractLaterality } from './extract-laterality';
import { readNumberWords } from './number-words';
import { tokenizeClinicalText } from './tokenize-clinical-text';

function sidesIn(text: string, language: CheckLanguage) {
  const tokens = readNumberWords(tokenizeClinicalText(text, language), text, language);
  return extractLaterality(tokens, language).map((mention) => [mention.text, mention.side]);
}

describe('extractLaterality', () => {
  it.each([
    ['dor no joelho esquerdo', 'pt', [['esquerdo', 'left']]],
    ['mão direita', 'pt', [['direita', 'right']]],
    ['edema em MIE', 'pt', [['MIE', 'left']]],
    ['dor em FID', 'pt', [['FID', 'right']]],
    ['joelho E', 'pt', [['E', 'left']]],
    ['joelho (D)', 'pt', [['D', 'right']]],
    ['edema bilateral', 'pt', [['bilateral', 'both']]],
    ['nos dois joelhos', 'pt', [['dois', 'both']]],
    ['ambos os olhos', 'pt', [['ambos', 'both']]],
    ['left knee', 'en', [['left', 'left']]],
    ['L knee pain', 'en', [['L', 'left']]],
    ['tenderness in RLQ', 'en', [['RLQ', 'right']]],
    ['both ankles', 'en', [['both', 'both']]],
    ['rodilla izquierda', 'es', [['izquierda', 'left']]],
    ['edema en MII', 'es', [['MII', 'left']]],
  ] as const)('should find the side in %j (%s)', (text, language, expected) => {
    expect(sidesIn(text, language)).toEqual(expected);
  });

  it.each([
    ['não consigo dormir direito', 'pt'],
    ['tem direito a atestado', 'pt'],
    ['vitamina D e vitamina E', 'pt'],
    ['dor no joelho e no tornozelo', 'pt'],
    ['E a dor começou ontem', 'pt'],
    ['os dois remédios', 'pt'],
    ['right now it hurts', 'en'],
    ["that's right", 'en'],
    ['I left work early', 'en'],
    ['both parents have diabetes', 'en'],
    ['2 L of water', 'en'],
  ] as const)('should find no side in %j (%s)', (text, language) => {
    expect(sidesIn(text, language)).toEqual([]);
  });
});
