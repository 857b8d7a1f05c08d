import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, addAbortSignal } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AudioDecodeError } from './audio-decode-error';
import { type AudioFormat, audioSniffBytes, detectAudioFormat } from './detect-audio-format';
import { sniffStream } from './sniff-stream';

export type AudioInput = { path: string } | { stream: Readable };

export interface OpenedAudioInput {
  format: AudioFormat;
  /** ffmpeg's `-i` value: `file:` keeps a path that looks like a URL or an option from being read as one. */
  url: string;
  /** What to pipe into ffmpeg's stdin when `url` is `pipe:0`. */
  stdin?: Readable;
  /** Removes any temporary copy and stops reading the caller's stream; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Checks what a recording is before ffmpeg sees it, so ffmpeg is told which demuxer to use and never
 * probes its way into one of the dozens of other formats it can parse (playlists that fetch other
 * files, exotic demuxers with a history of memory bugs).
 */
export async function openAudioInput(input: AudioInput, signal?: AbortSignal): Promise<OpenedAudioInput> {
  if ('path' in input) {
    const format = detectOrThrow(await readHead(input.path));
    return { format, url: `file:${input.path}`, close: async () => {} };
  }

  if (signal) addAbortSignal(signal, input.stream);
  const { head, stream } = await sniffStream(input.stream, audioSniffBytes);
  let format: AudioFormat;
  try {
    format = detectOrThrow(head);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  if (format !== 'mp4') {
    return { format, url: 'pipe:0', stdin: stream, close: async () => void stream.destroy() };
  }

  // MP4 writers usually put the index (moov) after the audio, and ffmpeg cannot seek back in a pipe:
  // anything beyond a few MB fails with "moov atom not found". A private temporary copy is seekable.
  const directory = await mkdtemp(join(tmpdir(), 'healthcare-audio-')).catch((error: unknown) => {
    stream.destroy();
    throw error;
  });
  const close = () => rm(directory, { recursive: true, force: true });
  const path = join(directory, 'recording.m4a');
  try {
    await pipeline(stream, createWriteStream(path, { mode: 0o600 }), { signal });
  } catch (error) {
    await close();
    throw error;
  }
  return { format, url: `file:${path}`, close };
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(audioSniffBytes), 0, audioSniffBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function detectOrThrow(head: Uint8Array): AudioFormat {
  if (head.length === 0) throw new AudioDecodeError('empty');
  const detected = detectAudioFormat(head);
  if (!detected) throw new AudioDecodeError('unsupported_format');
  return detected.format;
}
