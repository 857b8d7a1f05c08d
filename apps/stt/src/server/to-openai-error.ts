import { ProviderError } from '@healthcare/ai/http/provider-error';
import { AudioDecodeError, type AudioDecodeFailure } from '@healthcare/core/media/audio-decode-error';
import { GateClosedError } from './concurrency-gate';
import { OpenAiError } from './openai-error';

const decodeFailures: Record<AudioDecodeFailure, { status: number; code: string }> = {
  unsupported_format: { status: 415, code: 'unsupported_audio_format' },
  empty: { status: 400, code: 'empty_file' },
  corrupt: { status: 400, code: 'invalid_audio' },
  too_long: { status: 413, code: 'audio_too_long' },
  ffmpeg_missing: { status: 500, code: 'decoder_missing' },
};

/**
 * Any failure of a transcription request as the answer to give. The messages of decode and engine
 * errors are written for people and never quote the audio; anything unexpected stays unexplained.
 */
export function toOpenAiError(error: unknown, retryAfterSeconds: number): OpenAiError {
  if (error instanceof OpenAiError) return error;
  if (error instanceof AudioDecodeError) {
    const { status, code } = decodeFailures[error.reason];
    return new OpenAiError(status, error.message, { code, ...(status < 500 ? { param: 'file' } : {}) });
  }
  if (error instanceof GateClosedError) {
    return new OpenAiError(503, `${error.message} Send the request again.`, {
      code: 'shutting_down',
      retryAfterSeconds: 1,
    });
  }
  if (error instanceof ProviderError) {
    // Retryable: the model is still downloading, or its download failed for now.
    return error.retryable
      ? new OpenAiError(503, error.message, { code: 'engine_unavailable', retryAfterSeconds })
      : new OpenAiError(500, error.message, { code: 'engine_failed' });
  }
  return new OpenAiError(500, 'The transcription failed unexpectedly; the server log has the details.', {
    code: 'internal_error',
  });
}
