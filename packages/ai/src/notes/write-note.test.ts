import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiNoteWriter } from '../llm/openai-note-writer';
import { answerNoteFromTranscript } from '../testing/answer-note-from-transcript';
import { startFakeOpenAiChatServer } from '../testing/fake-llm-servers';
import { failureOf } from '../testing/failure-of';
import { builtInTemplates, findBuiltInTemplate } from './built-in-templates';
import { InvalidNoteOutputError, writeNote } from './write-note';

const transcript = [
  { id: '0b5a3c1e-0000-4000-8000-000000000001', start: 0, end: 4.2, text: 'Estou com febre há dois dias.' },
  { id: '0b5a3c1e-0000-4000-8000-000000000002', start: 4.2, end: 9, text: 'Nega tosse.' },
];
const soap = findBuiltInTemplate('soap')!;

describe('writeNote', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
  const writer = () =>
    createOpenAiNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'sk-test',
      model: 'gpt-4o-mini',
      timeoutMs: 5_000,
    });
  beforeAll(async () => {
    server = await startFakeOpenAiChatServer({ defaultAnswer: answerNoteFromTranscript });
  });
  afterAll(() => server.close());

  it('should give the model the sections, the rules and the transcript with short ids, and map the ids back', async () => {
    const note = await writeNote({ writer: writer(), template: soap, language: 'pt-BR', transcript });
    const request = server.requests.at(-1)!.body;
    expect(request.messages[0].content).toContain('Brazilian Portuguese');
    expect(request.messages[0].content).toContain('subjective ("Subjetivo")');
    expect(request.messages[1].content).toContain('[S1 00:00–00:04] Estou com febre há dois dias.');
    expect(request.response_format.json_schema.schema.properties.sections.required).toEqual([
      'subjective',
      'objective',
      'assessment',
      'plan',
    ]);
    expect(note.sections.map((section) => section.title)).toEqual([
      'Subjetivo',
      'Objetivo',
      'Avaliação',
      'Plano',
    ]);
    expect(note.sections[0]!.items).toEqual([
      { text: 'Estou com febre há dois dias.', evidence: [transcript[0]!.id] },
      { text: 'Nega tosse.', evidence: [transcript[1]!.id] },
    ]);
    expect(note.attempts).toBe(1);
    expect(note.usage.inputTokens).toBeGreaterThan(0);
  });

  it('should retry once with the problem pointed out, then accept a valid answer', async () => {
    server.enqueue({ kind: 'answer', content: '{"sections": {"subjective": "fever"}}' });
    const note = await writeNote({ writer: writer(), template: soap, language: 'en', transcript });
    expect(note.attempts).toBe(2);
    const retry = server.requests.at(-1)!.body.messages;
    expect(retry.at(-1).content).toMatch(/not valid \(sections\.subjective/);
    expect(note.sections[0]!.title).toBe('Subjective');
  });

  it('should fail clearly after a second invalid answer', async () => {
    server.enqueue(
      { kind: 'answer', content: 'I cannot do that.' },
      { kind: 'answer', content: '{"sections": {}}' },
    );
    const error = await failureOf(
      writeNote({ writer: writer(), template: soap, language: 'en', transcript }),
    );
    expect(error).toBeInstanceOf(InvalidNoteOutputError);
    expect((error as Error).message).toMatch(/did not return a valid note/);
  });

  it('should accept JSON wrapped in a Markdown fence and keep unknown ids for the checker to flag', async () => {
    const answer = {
      sections: {
        subjective: [{ text: 'Febre.', evidence: ['S1', 'S9', 'S1'] }],
        objective: [],
        assessment: [],
        plan: [],
      },
    };
    server.enqueue({ kind: 'answer', content: '```json\n' + JSON.stringify(answer) + '\n```' });
    const note = await writeNote({ writer: writer(), template: soap, language: 'pt-BR', transcript });
    expect(note.sections[0]!.items[0]!.evidence).toEqual([transcript[0]!.id, 'S9']);
  });

  it('should have every built-in template titled in Portuguese and English', () => {
    expect(builtInTemplates.map((template) => template.key)).toEqual([
      'soap',
      'hp',
      'progress',
      'pediatric',
      'psychiatry',
    ]);
    for (const template of builtInTemplates)
      for (const section of template.sections) {
        expect(section.title['pt-BR']).not.toBe('');
        expect(section.title.en).not.toBe('');
        expect(section.instructions['pt-BR']).not.toBe(section.instructions.en);
      }
  });
});
