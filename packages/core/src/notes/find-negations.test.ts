import { describe, expect, it } from 'vitest';
import { type CheckLanguage } from './check-language';
import { findNegations } from './find-negations';
import { readNumberWords } from './number-words';
import { tokenizeClinicalText } from './tokenize-clinical-text';

/** Each finding word with its polarity, as "febre:negated". */
function polaritiesIn(text: string, language: CheckLanguage) {
  const tokens = readNumberWords(tokenizeClinicalText(text, language), text, language);
  return findNegations(tokens, language).map((mention) => `${mention.term}:${mention.polarity}`);
}

describe('findNegations', () => {
  it.each([
    ['nega febre', 'pt', ['febre:negated']],
    ['sem febre', 'pt', ['febre:negated']],
    ['não tem febre', 'pt', ['febre:negated']],
    ['tem febre', 'pt', ['febre:affirmed']],
    ['nega febre, calafrios e sudorese', 'pt', ['febre:negated', 'calafrios:negated', 'sudorese:negated']],
    ['sem dispneia, tosse produtiva', 'pt', ['dispneia:negated', 'tosse:affirmed', 'produtiva:affirmed']],
    ['sem febre, calafrios ou sudorese', 'pt', ['febre:negated', 'calafrios:negated', 'sudorese:negated']],
    ['nega febre e refere tosse', 'pt', ['febre:negated', 'tosse:affirmed']],
    ['não tem febre, mas tem tosse', 'pt', ['febre:negated', 'tosse:affirmed']],
    ['Alergias: nega', 'pt', ['alergias:negated']],
    ['febre não tive', 'pt', ['febre:negated']],
    ['sorologia negativa', 'pt', ['sorologia:negated']],
    ['afebril', 'pt', ['febre:negated']],
    ['retornar se febre', 'pt', ['retornar:affirmed', 'febre:neutral']],
    ['queixa-se de cefaleia', 'pt', ['cefaleia:affirmed']],
    ['denies chest pain', 'en', ['chest:negated', 'pain:negated']],
    ['no fever', 'en', ['fever:negated']],
    ["doesn't have a fever", 'en', ['fever:negated']],
    ['negative for fever', 'en', ['fever:negated']],
    ['denies fever but reports cough', 'en', ['fever:negated', 'cough:affirmed']],
    ['return if fever', 'en', ['return:affirmed', 'fever:neutral']],
    ['niega fiebre', 'es', ['fiebre:negated']],
    ['sin fiebre, con tos', 'es', ['fiebre:negated', 'tos:affirmed']],
  ] as const)('should read %j (%s)', (text, language, expected) => {
    expect(polaritiesIn(text, language)).toEqual(expected);
  });

  it('should take a bare answer as answering the question before it', () => {
    expect(polaritiesIn('Teve febre?\nNão.', 'pt')).toEqual(['febre:negated']);
    expect(polaritiesIn('Teve febre?\nTive, ontem.', 'pt')).toEqual(['febre:affirmed']);
    expect(polaritiesIn('Any chest pain?\nNo.', 'en')).toEqual(['chest:negated', 'pain:negated']);
  });

  it('should leave an unanswered question neutral', () => {
    expect(polaritiesIn('Teve febre?\nVou examinar.', 'pt')).toEqual(['febre:neutral', 'examinar:affirmed']);
  });

  it("should say nothing about the patient in a relative's clause", () => {
    expect(polaritiesIn('não tenho diabetes, mas minha mãe tem', 'pt')).toEqual(['diabetes:negated']);
    expect(polaritiesIn('my father has hypertension', 'en')).toEqual(['hypertension:neutral']);
  });
});
