import { describe, expect, it } from 'vitest';
import { normalizeTranscript } from './normalize-transcript';

const pt = (text: string) => normalizeTranscript(text, 'pt-BR').join(' ');
const en = (text: string) => normalizeTranscript(text, 'en').join(' ');

describe('normalizing Portuguese transcripts', () => {
  it('should lower the case and drop punctuation and accents', () => {
    expect(pt('Não tenho tosse, doutora. Só dor de cabeça!')).toBe(
      'nao tenho tosse doutora so dor de cabeca',
    );
    expect(pt('Está com FEBRE? Há três dias.')).toBe(pt('esta com febre ha 3 dias'));
  });

  it('should write every form of a decimal number the same way', () => {
    const expected = 'temperatura de 38.5 graus';
    expect(pt('Temperatura de 38,5 graus')).toBe(expected);
    expect(pt('temperatura de 38.5 graus')).toBe(expected);
    expect(pt('Temperatura de 38,5°C')).toBe(expected);
    expect(pt('temperatura de trinta e oito e meio graus')).toBe(expected);
    expect(pt('temperatura de trinta e oito vírgula cinco graus')).toBe(expected);
  });

  it('should read numbers said in words, joined by "e" only where Portuguese joins them', () => {
    expect(pt('pressão cento e vinte por oitenta')).toBe('pressao 120 por 80');
    expect(pt('pressão 12/8')).toBe('pressao 12 por 8');
    expect(pt('pressão 12x8')).toBe('pressao 12 por 8');
    expect(pt('dois mil e quinhentos miligramas')).toBe('2500 miligramas');
    expect(pt('mil duzentos e trinta')).toBe('1230');
    expect(pt('metformina oitocentos e cinquenta')).toBe('metformina 850');
    expect(pt('dezoito')).toBe('18');
    // Two numbers in a row stay two numbers.
    expect(pt('de oito em oito horas')).toBe('de 8 em 8 horas');
    expect(pt('dois e três comprimidos')).toBe('2 e 3 comprimidos');
    expect(pt('duas vezes ao dia')).toBe('2 vezes ao dia');
  });

  it('should read thousands separators and spell out written abbreviations', () => {
    expect(pt('1.000 mg')).toBe('1000 miligramas');
    expect(pt('paracetamol 750mg')).toBe(pt('paracetamol 750 miligramas'));
    expect(pt('saturação 96%')).toBe('saturacao 96 porcento');
    expect(pt('saturação noventa e seis por cento')).toBe('saturacao 96 porcento');
    expect(pt('pulso 82 bpm')).toBe('pulso 82 batimentos por minuto');
  });
});

describe('normalizing English transcripts', () => {
  it('should lower the case and drop punctuation, keeping words whole', () => {
    expect(en("I haven't had chest pain.")).toBe('i havent had chest pain');
    expect(en('Left-sided wheezing; no fever.')).toBe('left sided wheezing no fever');
  });

  it('should write every form of a number the same way', () => {
    expect(en('thirty eight point two degrees')).toBe('38.2 degrees');
    expect(en('38.2°C')).toBe('38.2 degrees');
    expect(en('one hundred and eighteen over seventy-six')).toBe('118 over 76');
    expect(en('118/76')).toBe('118 over 76');
    expect(en('one hundred eighteen over seventy six')).toBe('118 over 76');
    expect(en('two and a half tablets')).toBe('2.5 tablets');
    expect(en('1,000 milligrams')).toBe('1000 milligrams');
    expect(en('one thousand milligrams')).toBe('1000 milligrams');
    expect(en('point two five')).toBe('point 2 5');
    expect(en('zero point two five')).toBe('0.25');
  });

  it('should keep separate numbers apart', () => {
    expect(en('every eight hours for ten days')).toBe('every 8 hours for 10 days');
    expect(en('two puffs every four hours')).toBe('2 puffs every 4 hours');
    expect(en('nineteen eighty')).toBe('19 80');
  });

  it('should spell out written abbreviations', () => {
    expect(en('Amoxicillin 500 mg')).toBe('amoxicillin 500 milligrams');
    expect(en('oxygen saturation 96%')).toBe('oxygen saturation 96 percent');
    expect(en('ninety six per cent')).toBe('96 percent');
  });
});
