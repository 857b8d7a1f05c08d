import { writeFile } from 'node:fs/promises';

/** A 16 kHz mono 16-bit WAV of silence: what the pipeline hands to speech-to-text. */
export async function writeSilentWav(path: string, seconds: number): Promise<void> {
  const dataBytes = Math.round(seconds * 16_000) * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  await writeFile(path, Buffer.concat([header, Buffer.alloc(dataBytes)]));
}
