import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '../http/provider-error';
import { failureOf } from '../testing/failure-of';
import { writeLlamaModel } from '../testing/write-llama-model';
import { createEmbeddedNoteWriter } from './embedded-note-writer';

// A note-like schema with every free text and list bounded: random weights would otherwise
// write until the token limit.
const boundedText = (maxLength: number) => ({ type: 'string', maxLength });
const noteSchema = {
  type: 'object',
  properties: {
    sections: {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: {
        type: 'object',
        properties: {
          title: boundedText(8),
          items: {
            type: 'array',
            minItems: 1,
            maxItems: 2,
            items: {
              type: 'object',
              properties: {
                text: { ...boundedText(20), minLength: 1 },
                evidence: { type: 'array', maxItems: 2, items: boundedText(4) },
              },
              required: ['text', 'evidence'],
              additionalProperties: false,
            },
          },
        },
        required: ['title', 'items'],
        additionalProperties: false,
      },
    },
  },
  required: ['sections'],
  additionalProperties: false,
};
const jsonSchema = { name: 'note', schema: noteSchema };
// The same schema as a validator. JSON Schema counts characters as code points, and random
// weights write characters outside the BMP, which zod's max() would count twice.
const characters = (min: number, max: number) =>
  z.string().refine((value) => [...value].length >= min && [...value].length <= max);
const note = z.strictObject({
  sections: z
    .array(
      z.strictObject({
        title: characters(0, 8),
        items: z
          .array(z.strictObject({ text: characters(1, 20), evidence: z.array(characters(0, 4)).max(2) }))
          .min(1)
          .max(2),
      }),
    )
    .min(1)
    .max(2),
});
const messages = [
  { role: 'system' as const, content: 'You write clinical notes.' },
  { role: 'user' as const, content: 'Paciente com febre há dois dias.' },
];
// The tiny vocabulary spells most text a character per token: the schema alone takes ~700.
// One thread: llama.cpp's threads spin while they wait for each other, which on busy shared
// cores made a completion take a minute instead of half a second.
// A timeout no completion here comes near, however busy the machine.
const sized = { threads: 1, contextSize: 2048, maxOutputTokens: 768, timeoutMs: 600_000 };

let scratch: string;
let modelPath: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-llama-'));
  modelPath = path.join(scratch, 'tiny-random.gguf');
  await writeLlamaModel(modelPath, { shape: 'tiny' });
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('embedded note writer (llama.cpp)', () => {
  it('should answer with JSON that conforms to the schema, with real token counts', async () => {
    const writer = createEmbeddedNoteWriter({ modelFile: async () => modelPath, ...sized });
    const completion = await writer.complete({ messages, jsonSchema });
    expect(note.safeParse(JSON.parse(completion.text)).success).toBe(true);
    expect(completion.model).toBe('tiny-random');
    expect(completion.usage.inputTokens).toBeGreaterThan(JSON.stringify(noteSchema).length / 4);
    expect(completion.usage.outputTokens).toBeGreaterThan(0);
  });

  it('should use the chat template an instruct model carries', async () => {
    const chatMl = path.join(scratch, 'tiny-chatml.gguf');
    await writeLlamaModel(chatMl, {
      shape: 'tiny',
      chatTemplate:
        "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}",
    });
    const plain = await createEmbeddedNoteWriter({ modelFile: async () => modelPath, ...sized }).complete({
      messages,
      jsonSchema,
    });
    const templated = await createEmbeddedNoteWriter({ modelFile: async () => chatMl, ...sized }).complete({
      messages,
      jsonSchema,
    });
    expect(note.safeParse(JSON.parse(templated.text)).success).toBe(true);
    // The same conversation, laid out as ChatML turns instead of the plain transcript format.
    expect(templated.usage.inputTokens).not.toBe(plain.usage.inputTokens);
  });

  it('should answer in free text when no schema is given', async () => {
    const writer = createEmbeddedNoteWriter({
      modelFile: async () => modelPath,
      ...sized,
      maxOutputTokens: 8,
    });
    const completion = await writer.complete({ messages });
    expect(typeof completion.text).toBe('string');
    expect(completion.usage.outputTokens).toBeGreaterThan(0);
    expect(completion.usage.outputTokens).toBeLessThanOrEqual(8);
  });

  it('should serve concurrent requests one at a time from one loaded model', async () => {
    let loads = 0;
    const writer = createEmbeddedNoteWriter({
      modelFile: async () => {
        loads += 1;
        return modelPath;
      },
      ...sized,
    });
    const results = await Promise.all([
      writer.complete({ messages, jsonSchema }),
      writer.complete({ messages: [{ role: 'user', content: 'Dor de cabeça.' }], jsonSchema }),
    ]);
    for (const result of results) expect(note.safeParse(JSON.parse(result.text)).success).toBe(true);
    expect(loads).toBe(1);
  });

  it('should stop when the caller aborts, and keep the model loaded for the next request', async () => {
    const reason = new Error('the job was cancelled');
    const during = new AbortController();
    let loads = 0;
    const writer = createEmbeddedNoteWriter({
      modelFile: async () => {
        loads += 1;
        // Aborted once the request is under way: the model loads, then generation stops at once.
        during.abort(reason);
        return modelPath;
      },
      ...sized,
    });
    await expect(writer.complete({ messages, jsonSchema, signal: during.signal })).rejects.toBe(reason);

    const waiting = new AbortController();
    const ahead = writer.complete({ messages, jsonSchema });
    const queued = writer.complete({ messages, jsonSchema, signal: waiting.signal });
    waiting.abort(reason);
    await expect(queued).rejects.toBe(reason);
    expect(note.safeParse(JSON.parse((await ahead).text)).success).toBe(true);
    expect(loads).toBe(1);
  });

  it('should stop writing at its timeout with a retryable error, and pause the engine after repeated ones', async () => {
    let loads = 0;
    const writer = createEmbeddedNoteWriter({
      modelFile: async () => {
        loads += 1;
        return modelPath;
      },
      ...sized,
      // Far shorter than any schema-constrained answer takes, even on an idle machine.
      timeoutMs: 1,
    });
    for (let call = 0; call < 5; call += 1) {
      const error = await failureOf(writer.complete({ messages, jsonSchema }));
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ retryable: true });
      expect(error.message).toMatch(/did not finish writing within 1 ms \(LLM_TIMEOUT_SECONDS\)/);
    }
    // The circuit breaker is open: the next request fails at once, retryably, with a wait.
    const paused = await failureOf(writer.complete({ messages, jsonSchema }));
    expect(paused).toMatchObject({ retryable: true, extra: { retryAfterSeconds: expect.any(Number) } });
    expect(paused.message).toMatch(/built-in language model failed 5 times in a row, so calls are paused/);
    // A timeout leaves the model loaded: it is the answer that took too long, not the engine broken.
    expect(loads).toBe(1);
  });

  it('should not count the requests it refuses as engine failures', async () => {
    const writer = createEmbeddedNoteWriter({ modelFile: async () => modelPath, ...sized, timeoutMs: 1 });
    await failureOf(writer.complete({ messages, jsonSchema }));
    // Five refusals (too long for the context) say nothing about the engine: the breaker stays closed.
    for (let call = 0; call < 5; call += 1) {
      const refused = await failureOf(
        writer.complete({ messages: [{ role: 'user', content: 'febre '.repeat(400) }], jsonSchema }),
      );
      expect(refused.message).toMatch(/does not fit/);
    }
    const timedOut = await failureOf(writer.complete({ messages, jsonSchema }));
    expect(timedOut.message).toMatch(/did not finish writing/);
  });

  it('should refuse a request that does not fit the context instead of dropping its start', async () => {
    const writer = createEmbeddedNoteWriter({ modelFile: async () => modelPath, ...sized });
    const error = await failureOf(
      writer.complete({ messages: [{ role: 'user', content: 'febre '.repeat(400) }], jsonSchema }),
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toMatch(/does not fit .* context of 2048 tokens.*LLM_CONTEXT_SIZE/);
  });

  it('should say so when the answer is cut off at the output limit, rather than return broken JSON', async () => {
    const writer = createEmbeddedNoteWriter({
      modelFile: async () => modelPath,
      ...sized,
      maxOutputTokens: 4,
    });
    const error = await failureOf(writer.complete({ messages, jsonSchema }));
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toMatch(/limit of 4 output tokens \(LLM_MAX_OUTPUT_TOKENS\)/);
  });

  it('should say what to do when the model file is missing or damaged', async () => {
    const missing = path.join(scratch, 'missing.gguf');
    const absent = await failureOf(
      createEmbeddedNoteWriter({ modelFile: async () => missing, ...sized }).complete({ messages }),
    );
    expect(absent).toBeInstanceOf(ProviderError);
    expect(absent).toMatchObject({ retryable: false });
    expect(absent.message).toMatch(/missing\.gguf does not exist.*LLM_MODEL_PATH/);

    // A garbled header (llama.cpp would read it forever) and a download cut short.
    const garbled = path.join(scratch, 'garbled.gguf');
    await writeFile(garbled, Buffer.from('GGUF this is not a model'));
    const truncated = path.join(scratch, 'truncated.gguf');
    await writeFile(truncated, (await readFile(modelPath)).subarray(0, 100_000));
    for (const file of [garbled, truncated]) {
      const error = await failureOf(
        createEmbeddedNoteWriter({ modelFile: async () => file, ...sized }).complete({ messages }),
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect(error.message).toMatch(/damaged, incomplete.*Delete it so it is downloaded again/);
    }
  });

  it('should pass on the model download’s own error', async () => {
    const unavailable = new ProviderError('The built-in language model', 'offline', true);
    const writer = createEmbeddedNoteWriter({
      modelFile: () => Promise.reject(unavailable),
      ...sized,
    });
    expect(await failureOf(writer.complete({ messages }))).toBe(unavailable);
  });
});
