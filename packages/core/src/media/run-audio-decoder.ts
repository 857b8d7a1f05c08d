import { spawn } from 'node:child_process';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AudioDecodeError } from './audio-decode-error';
import type { AudioFormat } from './detect-audio-format';
import { findFfmpeg } from './find-ffmpeg';
import { type AudioInput, type OpenedAudioInput, openAudioInput } from './open-audio-input';

export const decodedSampleRate = 16000;

/**
 * Consultations rarely pass an hour; two hours of 16 kHz float PCM is 460 MB, the most one decode should
 * hold in memory. Callers with a configured limit pass their own.
 */
export const defaultMaxSeconds = 2 * 60 * 60;

export interface AudioDecodeOptions {
  /** Kills ffmpeg; the only way to bound a decode fed by a stream that stalls. */
  signal?: AbortSignal;
  maxSeconds?: number;
}

export interface AudioDecoderRun {
  samples: number;
  /** ffmpeg reported damaged data but still produced audio: the recording was most likely cut short. */
  incomplete: boolean;
}

const demuxers: Record<AudioFormat, string> = {
  wav: 'wav',
  webm: 'matroska',
  ogg: 'ogg',
  mp3: 'mp3',
  mp4: 'mov',
  flac: 'flac',
};

// ffmpeg repeats an error per damaged packet; the first lines are enough to tell damage from none.
const maxStderrChars = 4096;

/**
 * Runs ffmpeg to turn a recording into 16 kHz mono PCM (`f32le` or `s16le`) written into `sink`. Settles
 * only after ffmpeg has exited, so no decoder outlives a call, whatever the outcome; on failure `sink`
 * may be left unfinished for the caller to discard.
 */
export async function runAudioDecoder(
  input: AudioInput,
  pcmFormat: 'f32le' | 's16le',
  sink: Writable,
  options: AudioDecodeOptions = {},
): Promise<AudioDecoderRun> {
  const { signal, maxSeconds = defaultMaxSeconds } = options;
  signal?.throwIfAborted();
  let opened: OpenedAudioInput;
  try {
    opened = await openAudioInput(input, signal);
  } catch (error) {
    signal?.throwIfAborted();
    throw error;
  }
  try {
    const bytesPerSample = pcmFormat === 'f32le' ? 4 : 2;
    const maxBytes = Math.floor(maxSeconds * decodedSampleRate) * bytesPerSample;
    const run = await spawnDecoder(await findFfmpeg(), opened, pcmFormat, sink, maxBytes, signal);

    if (run.aborted) throw signal?.reason;
    if (run.spawnError) throw new AudioDecodeError('ffmpeg_missing', { cause: run.spawnError });
    if (run.tooLong) throw new AudioDecodeError('too_long', { maxSeconds });
    if (run.failure) throw run.failure;
    if (run.exitCode !== 0) throw new AudioDecodeError('corrupt');
    const samples = Math.floor(run.bytes / bytesPerSample);
    // Exit status 0 is no proof of success: on a cut file ffmpeg decodes what it can and only complains.
    const reportedDamage = run.stderr.trim().length > 0;
    if (samples === 0) throw new AudioDecodeError(reportedDamage ? 'corrupt' : 'empty');
    return { samples, incomplete: reportedDamage };
  } finally {
    await opened.close();
  }
}

async function spawnDecoder(
  ffmpeg: string,
  input: OpenedAudioInput,
  pcmFormat: string,
  sink: Writable,
  maxBytes: number,
  signal: AbortSignal | undefined,
) {
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error'];
  // A forced demuxer and file/pipe only: a crafted file cannot make ffmpeg open playlists, URLs or devices.
  args.push('-protocol_whitelist', 'file,pipe', '-f', demuxers[input.format], '-i', input.url);
  args.push('-map', '0:a:0', '-ac', '1', '-ar', String(decodedSampleRate), '-f', pcmFormat, 'pipe:1');
  const child = spawn(ffmpeg, args, { stdio: 'pipe' });

  const state = { aborted: false, tooLong: false, failure: undefined as unknown, bytes: 0, stderr: '' };
  const kill = () => child.kill('SIGKILL');
  const onAbort = () => {
    state.aborted = true;
    kill();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();

  const exited = new Promise<{ exitCode: number | null; spawnError?: Error }>((resolve) => {
    child.on('close', (exitCode) => resolve({ exitCode }));
    child.on('error', (error) => {
      // 'error' also reports a failed kill of a running process; only a failed spawn means no exit is coming.
      if (child.pid === undefined) resolve({ exitCode: null, spawnError: error });
    });
  });

  child.stderr.on('error', () => {});
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (state.stderr.length < maxStderrChars) state.stderr += text;
  });

  // EPIPE when ffmpeg stops reading early: its exit status says whether that was a failure.
  child.stdin.on('error', () => {});
  if (input.stdin) {
    input.stdin.once('error', (error) => {
      state.failure ??= error;
      kill();
    });
    input.stdin.pipe(child.stdin);
  } else {
    child.stdin.end();
  }

  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const room = maxBytes - state.bytes;
      if (chunk.length > room) {
        state.tooLong = true;
        kill();
      }
      const kept = chunk.subarray(0, Math.max(room, 0));
      state.bytes += kept.length;
      done(null, kept.length > 0 ? kept : undefined);
    },
  });
  const written = pipeline(child.stdout, limit, sink).catch((error: unknown) => {
    state.failure ??= error;
    kill();
  });

  const [exit] = await Promise.all([exited, written]);
  signal?.removeEventListener('abort', onAbort);
  return { ...state, ...exit };
}
