import { Writable } from 'node:stream';
import { type AudioDecodeOptions, decodedSampleRate, runAudioDecoder } from './run-audio-decoder';
import type { AudioInput } from './open-audio-input';

export interface DecodedAudio {
  /** Mono samples in [-1, 1]. */
  pcm: Float32Array;
  sampleRate: typeof decodedSampleRate;
  /** From the decoded sample count, not container metadata, which truncated or hand-made files get wrong. */
  durationSec: number;
  /**
   * ffmpeg reported damaged or missing data yet decoded some audio, typically an upload cut short: the
   * audio up to the damage is returned rather than nothing, and the caller can tell the clinician.
   */
  incomplete: boolean;
}

/**
 * Decodes a recording (WAV, WebM, Ogg, MP3, M4A or FLAC, checked from its bytes) to 16 kHz mono floats,
 * the input Whisper expects. Rejects with AudioDecodeError (`empty`, `unsupported_format`, `corrupt`,
 * `too_long`, `ffmpeg_missing`), or with `signal.reason` once aborted; ffmpeg has exited either way.
 * A stream input is consumed, or destroyed on failure.
 */
export async function decodeAudio(
  input: AudioInput,
  options: AudioDecodeOptions = {},
): Promise<DecodedAudio> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const { samples, incomplete } = await runAudioDecoder(input, 'f32le', collect, options);

  const pcm = new Float32Array(samples);
  // Little-endian samples copied byte for byte: every platform Node supports for this server is little-endian.
  const pcmBytes = new Uint8Array(pcm.buffer);
  let offset = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.length, pcmBytes.length - offset);
    pcmBytes.set(chunk.subarray(0, take), offset);
    offset += take;
  }
  return { pcm, sampleRate: decodedSampleRate, durationSec: samples / decodedSampleRate, incomplete };
}
