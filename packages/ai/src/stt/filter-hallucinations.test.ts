import { describe, expect, it } from 'vitest';
import { filterHallucinations } from './filter-hallucinations';

const segment = (text: string, start = 0) => ({ start, end: start + 1, text });

describe('filterHallucinations', () => {
  it('should drop phrases Whisper invents over silence, in any case or punctuation', () => {
    const kept = filterHallucinations([
      segment('Paciente relata dor de cabeça.'),
      segment('Legendas pela comunidade Amara.org'),
      segment(' Thank you for watching! '),
      segment('Obrigado por assistir.'),
      segment('Sem febre.'),
    ]);
    expect(kept.map((item) => item.text)).toEqual(['Paciente relata dor de cabeça.', 'Sem febre.']);
  });

  it('should keep a real sentence that merely contains such words', () => {
    expect(filterHallucinations([segment('Obrigado por assistir a consulta de hoje, doutor.')])).toHaveLength(
      1,
    );
  });

  it('should cut a loop of identical segments but keep a repetition a person would make', () => {
    const kept = filterHallucinations([
      segment('Tomo losartana.', 0),
      segment('Tomo losartana.', 1),
      segment('Tomo losartana.', 2),
      segment('Tomo losartana.', 3),
      segment('E metformina.', 4),
    ]);
    expect(kept.map((item) => item.start)).toEqual([0, 1, 4]);
  });

  it('should collapse a phrase looping inside one segment, and only a real loop', () => {
    expect(filterHallucinations([segment('ok, ok, ok, ok, ok, ok, ok')])[0]?.text).toBe('ok');
    expect(filterHallucinations([segment('Não, não, não foi isso.')])[0]?.text).toBe(
      'Não, não, não foi isso.',
    );
  });

  it('should drop empty segments', () => {
    expect(filterHallucinations([segment('  '), segment('...')])).toEqual([]);
  });
});
