import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findFfmpeg, resolveFfmpeg } from './find-ffmpeg';

describe('findFfmpeg', () => {
  it('should find an ffmpeg that runs, once per process', async () => {
    const ffmpeg = await findFfmpeg();

    const { stdout } = await promisify(execFile)(ffmpeg, ['-version']);
    expect(stdout).toMatch(/^ffmpeg version/);
    expect(findFfmpeg()).toBe(findFfmpeg());
  });

  it('should fall back to the binary from @ffmpeg-installer/ffmpeg when the system has none', async () => {
    const bundled = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

    await expect(resolveFfmpeg('healthcare-no-such-ffmpeg')).resolves.toBe(bundled);
  });

  it('should prefer a system ffmpeg that runs', async () => {
    const bundled = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

    // Standing in for a system ffmpeg: any command that answers -version is taken as is.
    await expect(resolveFfmpeg(bundled)).resolves.toBe(bundled);
  });
});
