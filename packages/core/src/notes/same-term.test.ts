import { describe, expect, it } from 'vitest';
import { isSameTerm } from './same-term';

describe('isSameTerm', () => {
  it.each([
    ['dor', 'dores'],
    ['vomito', 'vomitos'],
    ['melhora', 'melhorou'],
    ['nausea', 'nauseado'],
    ['allergies', 'allergic'],
    ['pain', 'pains'],
  ])('should match %j and %j', (left, right) => {
    expect(isSameTerm(left, right)).toBe(true);
  });

  it.each([
    ['dorme', 'dormencia'],
    ['febre', 'fezes'],
    ['chest', 'cheek'],
  ])('should not match %j and %j', (left, right) => {
    expect(isSameTerm(left, right)).toBe(false);
  });
});
