import { open } from 'node:fs/promises';
import { wavHeader } from '@healthcare/ai/stt/wav-header';

const headerBytes = 44;

/** A 16 kHz mono 16-bit WAV holding [startSec, startSec + durationSec) of a longer one written by decodeAudioToFile. */
export async function sliceWav(
  sourcePath: string,
  targetPath: string,
  startSec: number,
  durationSec: number,
): Promise<void> {
  const source = await open(sourcePath, 'r');
  try {
    const length = Math.floor(durationSec * 16_000) * 2;
    const pcm = Buffer.alloc(length);
    const { bytesRead } = await source.read(pcm, 0, length, headerBytes + Math.floor(startSec * 16_000) * 2);
    const target = await open(targetPath, 'w', 0o600);
    try {
      await target.write(Buffer.concat([wavHeader(bytesRead), pcm.subarray(0, bytesRead)]));
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
