import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of';
import { startFakeAnthropicServer, startFakeOpenAiChatServer } from '../testing/fake-llm-servers';
import { writeLlamaModel } from '../testing/write-llama-model';
import { createNoteWriter } from './create-note-writer';

const messages = [{ role: 'user' as const, content: 'Paciente com febre.' }];
const answer = () => JSON.stringify({ summary: 'Febre.' });
let openAi: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
let anthropic: Awaited<ReturnType<typeof startFakeAnthropicServer>>;
let scratch: string;
let model: Buffer;
let modelServer: Server;
let modelUrl: string;

beforeAll(async () => {
  openAi = await startFakeOpenAiChatServer({ defaultAnswer: answer });
  anthropic = await startFakeAnthropicServer({ defaultAnswer: answer });
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-llm-factory-'));
  await writeLlamaModel(path.join(scratch, 'tiny.gguf'), { shape: 'tiny' });
  model = await readFile(path.join(scratch, 'tiny.gguf'));
  modelServer = createServer((_request, response) =>
    response.writeHead(200, { 'content-length': String(model.length) }).end(model),
  );
  await new Promise<void>((resolve) => modelServer.listen(0, '127.0.0.1', resolve));
  modelUrl = `http://127.0.0.1:${(modelServer.address() as AddressInfo).port}/models/tiny-instruct.gguf`;
});
afterAll(async () => {
  await openAi.close();
  await anthropic.close();
  await new Promise<void>((resolve) => modelServer.close(() => resolve()));
  await rm(scratch, { recursive: true, force: true });
});

const embedded = {
  provider: 'embedded' as const,
  modelPath: undefined,
  modelUrl: 'http://127.0.0.1:1/unused.gguf',
  modelSha256: undefined,
  threads: 1,
  contextSize: 1024,
  maxOutputTokens: 8,
  timeoutMs: 600_000,
};

describe('createNoteWriter', () => {
  it('should configure no writer when no provider is configured', () => {
    expect(createNoteWriter(undefined)).toBeUndefined();
  });

  it('should talk to an OpenAI-compatible server, or to Azure OpenAI when an API version is set', async () => {
    const common = { provider: 'openai' as const, apiKey: 'key', model: 'gpt-4o-mini', timeoutMs: 5_000 };
    await createNoteWriter({ ...common, baseUrl: openAi.baseUrl })!.complete({ messages });
    expect(openAi.requests.at(-1)).toMatchObject({
      path: '/v1/chat/completions',
      headers: { authorization: 'Bearer key' },
      body: { model: 'gpt-4o-mini' },
    });
    await createNoteWriter({ ...common, baseUrl: openAi.baseUrl, azureApiVersion: '2024-10-21' })!.complete({
      messages,
    });
    expect(openAi.requests.at(-1)).toMatchObject({
      path: '/v1/chat/completions?api-version=2024-10-21',
      headers: { 'api-key': 'key' },
    });
  });

  it('should talk to Anthropic with its output token limit', async () => {
    const writer = createNoteWriter({
      provider: 'anthropic',
      baseUrl: anthropic.baseUrl,
      apiKey: 'sk-ant',
      model: 'claude-haiku-4-5',
      timeoutMs: 5_000,
      maxTokens: 2_048,
    })!;
    expect(writer.name).toBe('anthropic');
    await writer.complete({ messages });
    expect(anthropic.requests.at(-1)?.body).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 2_048 });
  });

  it('should run the built-in model, downloading it on first use with progress and checksum', async () => {
    const modelDirectory = path.join(scratch, 'models');
    const progress: number[] = [];
    const writer = createNoteWriter(
      {
        ...embedded,
        modelUrl,
        modelSha256: createHash('sha256').update(model).digest('hex'),
        modelDirectory,
      },
      { onModelProgress: ({ receivedBytes }) => progress.push(receivedBytes) },
    )!;
    expect(writer.name).toBe('embedded');
    const completion = await writer.complete({ messages });
    expect(completion.model).toBe('tiny-instruct');
    expect(completion.usage.outputTokens).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(model.length);
    expect(existsSync(path.join(modelDirectory, 'tiny-instruct.gguf'))).toBe(true);
  });

  it('should name the language model’s settings when its file is missing', async () => {
    const writer = createNoteWriter({
      ...embedded,
      modelPath: path.join(scratch, 'nowhere.gguf'),
      modelDirectory: scratch,
    })!;
    const error = await failureOf(writer.complete({ messages }));
    expect(error).toMatchObject({ provider: 'The built-in language model', retryable: false });
    expect(error.message).toMatch(/language model file .*nowhere\.gguf \(LLM_MODEL_PATH\) does not exist/);
  });
});
