import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerNoteFromTranscript } from '@healthcare/ai/testing/answer-note-from-transcript';
import { startFakeOpenAiChatServer } from '@healthcare/ai/testing/fake-llm-servers';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll } from 'vitest';
import { useTestApp } from './start-test-app';

/**
 * The API with its worker in-process and both AI providers pointed at local servers that speak
 * the OpenAI wire format: what a test of the recording → transcript → note pipeline starts from.
 * `state.chunk` is one second of Opus audio, a valid live chunk.
 */
export function useAiPipelineApp(
  environment: Record<string, string> | (() => Record<string, string>) = {},
  options: { logDestination?: { write(line: string): void } } = {},
) {
  const state = {} as {
    stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
    llm: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
    scratch: string;
    chunk: Buffer;
  };
  beforeAll(async () => {
    state.stt = await startFakeOpenAiSttServer();
    state.llm = await startFakeOpenAiChatServer({ defaultAnswer: answerNoteFromTranscript });
    state.scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-pipeline-'));
    state.chunk = await readFile(await generateTone(state.scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
  }, 120_000);
  afterAll(async () => {
    await state.stt.close();
    await state.llm.close();
    await rm(state.scratch, { recursive: true, force: true });
  });
  const app = useTestApp(
    () => ({
      RUN_WORKER: 'true',
      STT_PROVIDER: 'openai',
      STT_BASE_URL: state.stt.baseUrl,
      STT_API_KEY: 'sk-test',
      LLM_PROVIDER: 'openai',
      LLM_BASE_URL: state.llm.baseUrl,
      LLM_API_KEY: 'sk-test',
      ...(typeof environment === 'function' ? environment() : environment),
    }),
    { ownDatabase: true, ...options },
  );
  return { ...app, state };
}
