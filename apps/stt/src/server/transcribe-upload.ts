import path from 'node:path';
import { filterHallucinations } from '@healthcare/ai/stt/filter-hallucinations';
import type { Logger } from '@healthcare/core/logging/create-logger';
import { decodeAudioToFile } from '@healthcare/core/media/decode-audio-to-file';
import type { EnginePool } from '../engine/create-engine-pool';
import type { SttMetrics } from '../metrics/stt-metrics';
import type { GateTicket } from './concurrency-gate';
import type { createRetryAfterEstimate } from './estimate-retry-after';
import type { TranscriptionResult } from './format-transcription';
import type { TranscriptionOptions } from './read-transcription-options';

export interface TranscribeUploadDependencies {
  engine: Pick<EnginePool, 'transcribe'>;
  metrics: SttMetrics;
  retryAfter: ReturnType<typeof createRetryAfterEstimate>;
}

/**
 * An upload (any accepted audio) decoded to 16 kHz WAV beside it, transcribed once the ticket's
 * turn comes, with Whisper's invented phrases and loops removed. Decoding happens before the
 * wait, so the engine never idles on ffmpeg.
 */
export async function transcribeUpload(
  upload: { path: string; ticket: GateTicket; options: TranscriptionOptions; signal: AbortSignal },
  deps: TranscribeUploadDependencies,
  logger: Logger,
): Promise<TranscriptionResult> {
  const audio = { path: path.join(path.dirname(upload.path), 'audio.wav'), durationSec: 0 };
  const decoded = await decodeAudioToFile({ path: upload.path }, audio.path, { signal: upload.signal });
  audio.durationSec = decoded.durationSec;
  if (decoded.incomplete) logger.warn('the audio was damaged or cut short; transcribing what could be read');

  const { language, prompt } = upload.options;
  const transcript = await upload.ticket.run(async () => {
    const startedAt = performance.now();
    const result = await deps.engine.transcribe(audio, {
      ...(language ? { language } : {}),
      ...(prompt ? { prompt } : {}),
      signal: upload.signal,
    });
    const engineSeconds = (performance.now() - startedAt) / 1000;
    deps.metrics.observeTranscription(audio.durationSec, engineSeconds);
    deps.retryAfter.record(engineSeconds);
    return result;
  }, upload.signal);

  return {
    language: transcript.language,
    durationSec: audio.durationSec,
    segments: filterHallucinations(transcript.segments),
  };
}
