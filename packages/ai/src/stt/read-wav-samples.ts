import { readFile } from 'node:fs/promises';

/** The samples of a 16 kHz mono 16-bit WAV (as decodeAudioToFile writes) as floats in [-1, 1]. */
export async function readWavSamples(path: string): Promise<Float32Array> {
  const file = await readFile(path);
  let offset = 12;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    if (id === 'data') {
      const end = Math.min(file.length, offset + 8 + size);
      const samples = new Float32Array(Math.floor((end - offset - 8) / 2));
      for (let index = 0; index < samples.length; index += 1)
        samples[index] = file.readInt16LE(offset + 8 + index * 2) / 32_768;
      return samples;
    }
    offset += 8 + size;
  }
  return new Float32Array(0);
}
