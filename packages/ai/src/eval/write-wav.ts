import { writeFile } from 'node:fs/promises';
import { wavHeader } from '../stt/wav-header';

/** Writes 16 kHz mono samples in [-1, 1] as the 16-bit WAV every engine takes. */
export async function writeWav(path: string, samples: Float32Array): Promise<void> {
  const data = Buffer.alloc(samples.length * 2);
  for (let index = 0; index < samples.length; index += 1) {
    const clipped = Math.max(-1, Math.min(1, samples[index]!));
    data.writeInt16LE(Math.round(clipped * 32_767), index * 2);
  }
  await writeFile(path, Buffer.concat([wavHeader(data.length), data]));
}
