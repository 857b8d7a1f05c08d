import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of';
import { startFakeAnthropicServer, startFakeOpenAiChatServer } from '../testing/fake-llm-servers';
import { createAnthropicNoteWriter } from './anthropic-note-writer';
import { createOpenAiNoteWriter } from './openai-note-writer';

const schema = {
  name: 'note',
  schema: {
    type: 'object',
    properties: { summary: { type: 'string' } },
    required: ['summary'],
    additionalProperties: false,
  },
};
const messages = [
  { role: 'system' as const, content: 'You write clinical notes.' },
  { role: 'user' as const, content: 'Paciente com febre há dois dias.' },
];
const answer = () => JSON.stringify({ summary: 'Febre há dois dias.' });

describe('OpenAI-compatible chat completions', () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
  let legacy: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
  beforeAll(async () => {
    server = await startFakeOpenAiChatServer({ defaultAnswer: answer });
    legacy = await startFakeOpenAiChatServer({ defaultAnswer: answer, rejectJsonSchema: true });
  });
  afterAll(async () => {
    await server.close();
    await legacy.close();
  });

  it('should ask for json_schema structured output and report token counts', async () => {
    const writer = createOpenAiNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'sk-test',
      model: 'gpt-4o-mini',
      timeoutMs: 5_000,
    });
    const completion = await writer.complete({ messages, jsonSchema: schema });
    expect(JSON.parse(completion.text)).toEqual({ summary: 'Febre há dois dias.' });
    expect(completion.usage.inputTokens).toBeGreaterThan(0);
    expect(completion.usage.outputTokens).toBeGreaterThan(0);
    const request = server.requests.at(-1)!;
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.body).toMatchObject({
      model: 'gpt-4o-mini',
      temperature: 0,
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'note', schema: schema.schema, strict: true },
      },
    });
  });

  it('should fall back to json_object on servers without json_schema, and remember it', async () => {
    const writer = createOpenAiNoteWriter({
      baseUrl: legacy.baseUrl,
      apiKey: undefined,
      model: 'llama3',
      timeoutMs: 5_000,
    });
    expect(JSON.parse((await writer.complete({ messages, jsonSchema: schema })).text)).toEqual({
      summary: 'Febre há dois dias.',
    });
    await writer.complete({ messages, jsonSchema: schema });
    const formats = legacy.requests.map((request) => request.body.response_format.type);
    expect(formats).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(legacy.requests.at(-1)!.body.messages.at(-1).content).toContain('"summary"');
  });

  it('should speak Azure OpenAI’s dialect when configured for it', async () => {
    const writer = createOpenAiNoteWriter({
      baseUrl: `${server.origin}/v1`,
      apiKey: 'azure-key',
      model: 'gpt-4o',
      timeoutMs: 5_000,
      azureApiVersion: '2024-10-21',
    });
    await writer.complete({ messages });
    const request = server.requests.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions?api-version=2024-10-21');
    expect(request.headers['api-key']).toBe('azure-key');
    expect(request.headers.authorization).toBeUndefined();
  });

  it('should retry 429 with Retry-After and 500, and not retry a 401', async () => {
    const writer = createOpenAiNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'sk-test',
      model: 'm',
      timeoutMs: 5_000,
    });
    server.enqueue({ kind: 'status', status: 429, retryAfter: '1' }, { kind: 'status', status: 500 });
    await expect(writer.complete({ messages })).resolves.toMatchObject({ text: answer() });
    server.enqueue({ kind: 'status', status: 401, message: 'Incorrect API key provided' });
    const error = await failureOf(writer.complete({ messages }));
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toMatch(/credentials.*Incorrect API key/);
  });

  it('should pause calls after repeated failures (circuit breaker)', async () => {
    const writer = createOpenAiNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'k',
      model: 'm',
      timeoutMs: 5_000,
    });
    const before = server.requests.length;
    for (let call = 0; call < 5; call += 1) {
      server.enqueue({ kind: 'status', status: 503, retryAfter: '3600' });
      await failureOf(writer.complete({ messages }));
    }
    const paused = await failureOf(writer.complete({ messages }));
    expect(paused.message).toMatch(/paused/);
    expect(server.requests.length - before).toBe(5);
  });

  it('should treat a malformed body as a retryable failure', async () => {
    const writer = createOpenAiNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'k',
      model: 'm',
      timeoutMs: 5_000,
    });
    server.enqueue({ kind: 'malformed' });
    expect(await failureOf(writer.complete({ messages }))).toMatchObject({ retryable: true });
  });

  it('should time out a server that does not answer, retry, and give up retryably', async () => {
    const writer = createOpenAiNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'k',
      model: 'm',
      timeoutMs: 300,
    });
    const before = server.requests.length;
    server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'slow' as const, delayMs: 1_500 })));
    const error = await failureOf(writer.complete({ messages }));
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toMatch(/did not answer within/);
    expect(server.requests.length - before).toBe(3);
  });
});

describe('Anthropic messages', () => {
  let server: Awaited<ReturnType<typeof startFakeAnthropicServer>>;
  beforeAll(async () => {
    server = await startFakeAnthropicServer({ defaultAnswer: answer });
  });
  afterAll(() => server.close());

  it('should force a tool call carrying the schema, send the system prompt apart, and return its input', async () => {
    const writer = createAnthropicNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'sk-ant',
      model: 'claude-sonnet',
      timeoutMs: 5_000,
      maxTokens: 4096,
    });
    const completion = await writer.complete({ messages, jsonSchema: schema });
    expect(JSON.parse(completion.text)).toEqual({ summary: 'Febre há dois dias.' });
    expect(completion.usage.outputTokens).toBeGreaterThan(0);
    const request = server.requests.at(-1)!;
    expect(request.headers['x-api-key']).toBe('sk-ant');
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.body).toMatchObject({
      model: 'claude-sonnet',
      max_tokens: 4096,
      system: 'You write clinical notes.',
      messages: [{ role: 'user', content: 'Paciente com febre há dois dias.' }],
      tools: [{ name: 'note', input_schema: schema.schema }],
      tool_choice: { type: 'tool', name: 'note' },
    });
  });

  const anthropic = (timeoutMs = 5_000) =>
    createAnthropicNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'k',
      model: 'm',
      timeoutMs,
      maxTokens: 100,
    });

  it('should retry a rate limit after the Retry-After it gives, and give up at once on one too long to wait', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'status', status: 429, retryAfter: '1', message: 'Number of requests exceeded' });
    await expect(anthropic().complete({ messages })).resolves.toMatchObject({ text: answer() });
    expect(server.requests.length - before).toBe(2);

    // An hour is the job queue's business, not a worker's to sleep through: one request, then
    // a retryable error that carries the wait.
    server.enqueue({
      kind: 'status',
      status: 429,
      retryAfter: '3600',
      message: 'Number of requests exceeded',
    });
    const error = await failureOf(anthropic().complete({ messages }));
    expect(error).toMatchObject({ retryable: true, extra: { status: 429, retryAfterSeconds: 3600 } });
    expect(error.message).toMatch(/Anthropic is rate limiting us \(HTTP 429\): Number of requests exceeded/);
    expect(server.requests.length - before).toBe(3);
  });

  it('should retry a 500 api_error, and give up retryably when it persists', async () => {
    const before = server.requests.length;
    server.enqueue({ kind: 'status', status: 500, message: 'Internal server error' });
    await expect(anthropic().complete({ messages })).resolves.toMatchObject({ text: answer() });
    expect(server.requests.length - before).toBe(2);

    server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500 })));
    const error = await failureOf(anthropic().complete({ messages }));
    expect(error).toMatchObject({ retryable: true, extra: { status: 500 } });
    expect(error.message).toMatch(/Anthropic is failing \(HTTP 500\)/);
    expect(server.requests.length - before).toBe(5);
  });

  it('should treat a malformed body as a retryable failure', async () => {
    server.enqueue({ kind: 'malformed' });
    const error = await failureOf(anthropic().complete({ messages }));
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toMatch(/not a message/);
  });

  it('should time out a server that does not answer, retry, and give up retryably', async () => {
    const before = server.requests.length;
    server.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'slow' as const, delayMs: 1_500 })));
    const error = await failureOf(anthropic(300).complete({ messages }));
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toMatch(/Anthropic did not answer within/);
    expect(server.requests.length - before).toBe(3);
  });

  it('should pause calls after repeated failures (circuit breaker)', async () => {
    const writer = anthropic();
    const before = server.requests.length;
    for (let call = 0; call < 5; call += 1) {
      server.enqueue({ kind: 'status', status: 529, retryAfter: '3600', message: 'Overloaded' });
      await failureOf(writer.complete({ messages }));
    }
    const paused = await failureOf(writer.complete({ messages }));
    expect(paused).toMatchObject({ retryable: true });
    expect(paused.message).toMatch(/Anthropic failed 5 times in a row, so calls are paused/);
    expect(server.requests.length - before).toBe(5);
  });

  it('should retry when Anthropic is overloaded (529) and explain a rejected key', async () => {
    const writer = createAnthropicNoteWriter({
      baseUrl: server.baseUrl,
      apiKey: 'k',
      model: 'm',
      timeoutMs: 5_000,
      maxTokens: 100,
    });
    server.enqueue({ kind: 'status', status: 529, message: 'Overloaded' });
    await expect(writer.complete({ messages })).resolves.toMatchObject({ text: answer() });
    server.enqueue({ kind: 'status', status: 401, message: 'invalid x-api-key' });
    const error = await failureOf(writer.complete({ messages }));
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toContain('invalid x-api-key');
  });
});
