import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerNoteFromTranscript } from '@healthcare/ai/testing/answer-note-from-transcript';
import { startFakeOpenAiChatServer } from '@healthcare/ai/testing/fake-llm-servers';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { createTestDatabase, type TestDatabase } from '@healthcare/core/testing/test-database';
import { afterAll, beforeAll } from 'vitest';
import { useTestApp } from '../../../web/src/server/testing/start-test-app';

/**
 * A cluster in miniature, on a database of its own: a web replica that takes uploads and
 * enqueues jobs but works none (RUN_WORKER=false), local speech-to-text and LLM servers, and
 * `startWorker()` to run apps/worker as a separate process against them.
 */
export function useCluster(options: {
  prefix: string;
  chunkSeconds: number;
  environment?: Record<string, string>;
  prepareDatabase?: (database: TestDatabase) => Promise<void>;
}) {
  const state = {} as {
    stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
    llm: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
    database: TestDatabase;
    scratch: string;
    chunk: Buffer;
  };
  const privateKey = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

  beforeAll(async () => {
    state.stt = await startFakeOpenAiSttServer();
    state.llm = await startFakeOpenAiChatServer({ defaultAnswer: answerNoteFromTranscript });
    state.database = await createTestDatabase({ prefix: options.prefix });
    await options.prepareDatabase?.(state.database);
    state.scratch = await mkdtemp(path.join(tmpdir(), `${options.prefix}-`));
    state.chunk = await readFile(
      await generateTone(state.scratch, 'chunk.webm', ['-c:a', 'libopus'], options.chunkSeconds),
    );
  }, 60_000);
  afterAll(async () => {
    await state.stt.close();
    await state.llm.close();
    await rm(state.scratch, { recursive: true, force: true });
    await state.database.drop();
  });

  const environment = () => ({
    DATABASE_URL: state.database.appUrl,
    AUTH_JWT_PRIVATE_KEY: privateKey,
    STORAGE_DIR: path.join(state.scratch, 'objects'),
    STT_PROVIDER: 'openai',
    STT_BASE_URL: state.stt.baseUrl,
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: state.llm.baseUrl,
    ...options.environment,
  });
  const web = useTestApp(() => ({ ...environment(), RUN_WORKER: 'false' }));

  return {
    ...web,
    state,
    /** `extra`: settings for this worker alone (its METRICS_PORT, say). */
    startWorker(extra: Record<string, string> = {}): ChildProcess {
      return fork(fileURLToPath(new URL('../main.ts', import.meta.url)), {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, ...environment(), LOG_LEVEL: 'fatal', ...extra },
      });
    },
  };
}

export async function stopWorker(worker: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill(signal);
  await exited;
}
