import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { writeWhisperModel } from '@healthcare/ai/testing/write-whisper-model';
import { loadSttServiceConfig } from '@healthcare/core/config/stt-service-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { startSttService } from '../start-stt-service';

// Random weights decode nothing under whisper.cpp's usual thresholds; relaxed, they decode tokens.
export const relaxedDecoding = {
  no_speech_thold: 1,
  logprob_thold: -1e5,
  entropy_thold: 1e5,
  temperature_inc: 0,
  suppress_blank: false,
  max_tokens: 8,
};

/** A whisper `tiny` model with random weights: the real engine runs it, fast enough for tests. */
export async function writeTestModel(directory: string): Promise<string> {
  const modelPath = path.join(directory, 'ggml-tiny-random.bin');
  await writeWhisperModel(modelPath, { size: 'tiny' });
  return modelPath;
}

/** The real service on free ports, configured through the real loader, its log lines kept. */
export async function startTestSttService(
  modelPath: string,
  env: Record<string, string> = {},
  decoding: typeof relaxedDecoding & { suppress_blank: boolean } = relaxedDecoding,
) {
  const logs: string[] = [];
  const config = loadSttServiceConfig({
    PORT: '0',
    METRICS_PORT: '0',
    STT_MODEL_PATH: modelPath,
    // Test files run side by side on few cores: one thread each avoids whisper.cpp's threads
    // spinning at their barriers while another process holds the core.
    STT_THREADS: '1',
    ...env,
  });
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => void logs.push(line) },
  });
  const service = await startSttService(config, logger, { decoding });
  return { ...service, logs };
}

/** A real multipart request, as OpenAI's clients send it. */
export async function postTranscription(
  baseUrl: string,
  fields: Record<string, string | readonly string[]>,
  file?: { path: string; name?: string },
): Promise<Response> {
  const form = new FormData();
  if (file) form.append('file', await openAsBlob(file.path), file.name ?? path.basename(file.path));
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) form.append(name, item);
  }
  return fetch(`${baseUrl}/v1/audio/transcriptions`, { method: 'POST', body: form });
}
