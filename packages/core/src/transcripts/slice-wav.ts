import { open } from 'node:fs/promises';

const headerBytes = 44;
const bytesPerSecond = 16_000 * 2;

/** A 16 kHz mono 16-bit WAV holding [startSec, startSec + durationSec) of a longer one written by decodeAudioToFile. */
export async function sliceWav(
  sourcePath: string,
  targetPath: string,
  startSec: number,
  durationSec: number,
): Promise<void> {
  const source = await open(sourcePath, 'r');
  try {
    const start = headerBytes + Math.floor(startSec * 16_000) * 2;
    const length = Math.floor(durationSec * 16_000) * 2;
    const pcm = Buffer.alloc(length);
    const { bytesRead } = await source.read(pcm, 0, length, start);
    const header = Buffer.alloc(headerBytes);
    header.write('RIFF', 0);
    header.writeUInt32LE(36 + bytesRead, 4);
    header.write('WAVEfmt ', 8);
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(16_000, 24);
    header.writeUInt32LE(bytesPerSecond, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36);
    header.writeUInt32LE(bytesRead, 40);
    const target = await open(targetPath, 'w', 0o600);
    try {
      await target.write(Buffer.concat([header, pcm.subarray(0, bytesRead)]));
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
