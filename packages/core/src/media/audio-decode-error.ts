export type AudioDecodeFailure = 'empty' | 'unsupported_format' | 'corrupt' | 'too_long' | 'ffmpeg_missing';

const messages: Record<AudioDecodeFailure, string> = {
  empty: 'The recording is empty: no audio was captured.',
  unsupported_format: 'The recording is not in a supported audio format (WAV, WebM, Ogg, MP3, M4A or FLAC).',
  corrupt: 'The recording could not be read: it is damaged or incomplete.',
  too_long: 'The recording is longer than the allowed maximum.',
  ffmpeg_missing: 'Recordings cannot be processed right now because the audio decoder is not installed.',
};

/**
 * A recording that cannot become audio. The message is written for the clinician and never quotes the
 * file or ffmpeg's output (either could carry patient data or internals); `reason` is for code and logs.
 */
export class AudioDecodeError extends Error {
  constructor(
    readonly reason: AudioDecodeFailure,
    options?: { maxSeconds?: number; cause?: unknown },
  ) {
    super(
      reason === 'too_long' && options?.maxSeconds !== undefined
        ? `The recording is longer than the allowed maximum of ${formatLimit(options.maxSeconds)}.`
        : messages[reason],
      { cause: options?.cause },
    );
    this.name = 'AudioDecodeError';
  }
}

function formatLimit(seconds: number): string {
  if (seconds % 60 !== 0) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
}
