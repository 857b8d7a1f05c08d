import { describe, expect, test } from 'vitest';
import { renderNotePdf } from './render-note-pdf';
import { readPdfText } from './testing/read-pdf-text';

const content = {
  clinicName: 'Clínica Boa Saúde',
  patient: { name: 'João Conceição', birthDate: '1984-03-17', documentId: '123.456.789-00' },
  encounterDate: new Date('2026-03-02T13:30:00Z'),
  language: 'pt-BR',
  sections: [
    { title: 'Subjetivo', items: [{ text: 'Dor de cabeça há três dias.' }, { text: 'Nega febre.' }] },
    { title: 'Objetivo', items: [] },
    { title: 'Plano', items: [{ text: 'Dipirona 500 mg se dor.' }] },
  ],
  signer: 'Dra. Ana Lima',
  signedAt: new Date('2026-03-02T14:05:00Z'),
  addenda: [
    {
      text: 'Paciente retornou ligação.',
      author: 'Dra. Ana Lima',
      createdAt: new Date('2026-03-03T10:00:00Z'),
    },
  ],
};

describe('renderNotePdf', () => {
  test('should print the clinic, patient, encounter date, note, signer and signing time, in order', async () => {
    const pdf = await renderNotePdf(content);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = readPdfText(pdf);
    const expected = [
      'Clínica Boa Saúde',
      'João Conceição',
      '17/03/1984',
      '123.456.789-00',
      '2 de março de 2026',
      'Subjetivo',
      'Dor de cabeça há três dias.',
      'Nega febre.',
      'Plano',
      'Dipirona 500 mg se dor.',
      'Assinada eletronicamente por Dra. Ana Lima em 2 de março de 2026 às 11:05',
      'Adendos',
      'Paciente retornou ligação.',
    ];
    let position = 0;
    for (const phrase of expected) {
      const found = text.indexOf(phrase, position);
      expect(found, `“${phrase}” after position ${position} in:\n${text}`).toBeGreaterThanOrEqual(0);
      position = found + phrase.length;
    }
    // An empty section prints no heading.
    expect(text).not.toContain('Objetivo');
  });

  test('should label the note in English for an English encounter', async () => {
    const text = readPdfText(await renderNotePdf({ ...content, language: 'en', addenda: [] }));
    expect(text).toContain('Clinical note');
    expect(text).toContain('Electronically signed by Dra. Ana Lima on March 2, 2026');
    expect(text).not.toContain('Addenda');
  });
});
