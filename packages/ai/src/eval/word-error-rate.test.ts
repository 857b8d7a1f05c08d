import { describe, expect, it } from 'vitest';
import { wordErrorRate } from './word-error-rate';

const words = (text: string) => text.split(' ').filter(Boolean);

describe('word error rate', () => {
  it('should be zero for identical word sequences', () => {
    expect(wordErrorRate(words('dor no joelho direito'), words('dor no joelho direito'))).toEqual({
      referenceWords: 4,
      substitutions: 0,
      deletions: 0,
      insertions: 0,
      rate: 0,
    });
  });

  it('should count a wrong word as one substitution', () => {
    expect(wordErrorRate(words('dor no joelho direito'), words('dor no joelho esquerdo'))).toMatchObject({
      substitutions: 1,
      deletions: 0,
      insertions: 0,
      rate: 0.25,
    });
  });

  it('should count missing and extra words as deletions and insertions', () => {
    expect(wordErrorRate(words('no fever and no cough'), words('no fever no cough today'))).toMatchObject({
      substitutions: 0,
      deletions: 1,
      insertions: 1,
      rate: 0.4,
    });
  });

  it('should find the fewest edits, not a word-by-word comparison', () => {
    // Shifted by one word: one deletion at the start, not five substitutions.
    expect(
      wordErrorRate(words('the pain started two days ago'), words('pain started two days ago')),
    ).toMatchObject({ substitutions: 0, deletions: 1, insertions: 0 });
  });

  it('should exceed 100% when the hypothesis adds more words than the reference has', () => {
    const result = wordErrorRate(words('sim'), words('w1 w2 w3'));
    expect(result.substitutions + result.deletions + result.insertions).toBe(3);
    expect(result.rate).toBe(3);
  });

  it('should score empty transcripts without dividing by zero', () => {
    expect(wordErrorRate([], []).rate).toBe(0);
    expect(wordErrorRate(words('febre'), []).rate).toBe(1);
    expect(wordErrorRate([], words('obrigado')).rate).toBe(1);
  });
});
