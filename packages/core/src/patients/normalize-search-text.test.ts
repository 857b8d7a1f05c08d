import { describe, expect, it } from 'vitest';
import { normalizeDocumentId, normalizeSearchText } from './normalize-search-text';

describe('normalizeSearchText', () => {
  it.each([
    ['João', 'joao'],
    ['  CONCEIÇÃO   da  Silva ', 'conceicao da silva'],
    ['Ângela Müller', 'angela muller'],
    // Decomposed input (as some keyboards and macOS file names produce) matches composed text.
    ['Jo\u0061\u0303o', 'joao'],
  ])('should turn %j into %j', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });
});

describe('normalizeDocumentId', () => {
  it('should ignore punctuation and letter case', () => {
    expect(normalizeDocumentId('123.456.789-09')).toBe('12345678909');
    expect(normalizeDocumentId('mg-12.345.678')).toBe('MG12345678');
  });
});
