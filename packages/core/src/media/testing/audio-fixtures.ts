import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AudioFormat } from '../detect-audio-format';
import { findFfmpeg } from '../find-ffmpeg';

export const toneSeconds = 2.5;

export interface ToneFixture {
  name: string;
  file: string;
  format: AudioFormat;
  encoderArgs: string[];
}

/** One tone per accepted container/codec pair that browsers and phones actually record in. */
export const toneFixtures: ToneFixture[] = [
  { name: 'WAV', file: 'tone.wav', format: 'wav', encoderArgs: ['-c:a', 'pcm_s16le'] },
  { name: 'WebM (Opus)', file: 'tone.webm', format: 'webm', encoderArgs: ['-c:a', 'libopus'] },
  { name: 'Ogg (Vorbis)', file: 'tone-vorbis.ogg', format: 'ogg', encoderArgs: ['-c:a', 'libvorbis'] },
  { name: 'Ogg (Opus)', file: 'tone-opus.ogg', format: 'ogg', encoderArgs: ['-c:a', 'libopus'] },
  { name: 'MP3', file: 'tone.mp3', format: 'mp3', encoderArgs: ['-c:a', 'libmp3lame'] },
  { name: 'M4A (AAC)', file: 'tone.m4a', format: 'mp4', encoderArgs: ['-c:a', 'aac'] },
  { name: 'FLAC', file: 'tone.flac', format: 'flac', encoderArgs: ['-c:a', 'flac'] },
];

/** Encodes a 440 Hz sine of `seconds` into `directory/file` with the given encoder options. */
export async function generateTone(
  directory: string,
  file: string,
  encoderArgs: string[],
  seconds = toneSeconds,
): Promise<string> {
  const path = join(directory, file);
  const source = ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`];
  await promisify(execFile)(await findFfmpeg(), [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    ...source,
    ...encoderArgs,
    '-y',
    path,
  ]);
  return path;
}

/** Process ids of the running ffmpeg processes started by this process; always empty without Linux /proc. */
export function ffmpegChildren(): number[] {
  if (!existsSync('/proc/self/stat')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the parenthesised command name: state, ppid, ...
        const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const isOurs = Number(ppid) === process.pid && command === 'ffmpeg' && state !== 'Z';
        return isOurs ? [Number(pid)] : [];
      } catch {
        return []; // exited while we looked
      }
    });
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
