import { writeFile } from 'node:fs/promises';
import { wavHeader } from '../stt/wav-header';

/** A 16 kHz mono 16-bit WAV of silence: what the pipeline hands to speech-to-text. */
export async function writeSilentWav(path: string, seconds: number): Promise<void> {
  const dataBytes = Math.round(seconds * 16_000) * 2;
  await writeFile(path, Buffer.concat([wavHeader(dataBytes), Buffer.alloc(dataBytes)]));
}
