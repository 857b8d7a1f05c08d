import { describe, expect, it } from 'vitest';
import { evidenceFlagMessages } from './evidence-flag-messages';

describe('evidenceFlagMessages', () => {
  it('should write one sentence in the note language naming both values', () => {
    expect(evidenceFlagMessages('pt').valueNotInEvidence('dose', '500 mg', ['250 mg'])).toBe(
      'Dose "500 mg" não aparece na evidência (a evidência diz "250 mg").',
    );
    expect(evidenceFlagMessages('en').valueNotInEvidence('side', 'left', ['right', 'both'])).toBe(
      'Side "left" does not appear in the evidence (the evidence says "right", "both").',
    );
    expect(evidenceFlagMessages('es').valueNotInEvidence('frequency', 'cada 8 horas', [])).toBe(
      'La frecuencia "cada 8 horas" no aparece en la evidencia.',
    );
  });

  it('should count unknown evidence in the singular and plural', () => {
    expect(evidenceFlagMessages('pt').unknownEvidence(1)).toBe(
      'O item cita 1 trecho de evidência que não existe na transcrição.',
    );
    expect(evidenceFlagMessages('en').unknownEvidence(3)).toBe(
      'The item cites 3 evidence segments that are not in the transcript.',
    );
  });

  it('should shorten a long quote and keep it on one line', () => {
    const message = evidenceFlagMessages('en').itemAffirmsDeniedFinding(
      'cough',
      `denies\n${'cough '.repeat(30)}`,
    );
    expect(message).toMatch(
      /^The item affirms "cough", but the evidence says "denies cough cough .{40,}…"\.$/,
    );
    expect(message).not.toContain('\n');
  });
});
