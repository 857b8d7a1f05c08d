import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { AudioDecodeError } from './audio-decode-error';

let found: Promise<string> | undefined;

/**
 * The ffmpeg binary to run, looked up once per process. A system ffmpeg (the container image installs a
 * current one) wins over the npm build, which dates from 2018 and misses years of demuxer fixes.
 */
export function findFfmpeg(): Promise<string> {
  found ??= resolveFfmpeg().catch((error: unknown) => {
    // Not cached: installing ffmpeg on a running server should not need a restart.
    found = undefined;
    throw error;
  });
  return found;
}

/** Uncached lookup; `systemCommand` is resolved through PATH by the operating system. */
export async function resolveFfmpeg(systemCommand = 'ffmpeg'): Promise<string> {
  if (await runsVersion(systemCommand)) return systemCommand;
  const bundled = bundledFfmpegPath();
  if (bundled && (await runsVersion(bundled))) return bundled;
  throw new AudioDecodeError('ffmpeg_missing');
}

function bundledFfmpegPath(): string | undefined {
  try {
    // Required lazily: the package throws at load time on platforms it has no binary for.
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    return installer.path;
  } catch {
    return undefined;
  }
}

function runsVersion(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, ['-version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}
