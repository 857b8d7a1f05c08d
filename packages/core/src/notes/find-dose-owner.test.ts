import { describe, expect, it } from 'vitest';
import { findDoseOwner } from './find-dose-owner';
import { readNumberWords } from './number-words';
import { tokenizeClinicalText } from './tokenize-clinical-text';

function ownerOf(text: string, numberText: string) {
  const tokens = readNumberWords(tokenizeClinicalText(text, 'pt'), text, 'pt');
  return findDoseOwner(
    tokens,
    tokens.findIndex((token) => token.text === numberText),
  );
}

describe('findDoseOwner', () => {
  it('should find the drug a dose is written after', () => {
    expect(ownerOf('Amoxicilina 500 mg', '500')).toBe('amoxicilina');
    expect(ownerOf('amoxicilina 500 mg e dipirona 1 g', '1')).toBe('dipirona');
    expect(ownerOf('Vou passar amoxicilina. Quinhentos miligramas', 'Quinhentos')).toBe('amoxicilina');
    expect(ownerOf('Prescrito losartana, tomar 1 comprimido de 50 mg', '50')).toBe('losartana');
  });

  it('should find none when no drug is near', () => {
    expect(ownerOf('500 mg', '500')).toBeUndefined();
  });
});
