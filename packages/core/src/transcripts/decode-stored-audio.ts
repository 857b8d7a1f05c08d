import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeAudioToFile } from '../media/decode-audio-to-file';
import type { ObjectStorage } from '../storage/object-storage';

/**
 * Decodes a stored recording or chunk to a 16 kHz mono WAV in a private scratch folder, hands
 * it to `use`, and removes it afterwards whatever happens.
 */
export async function withDecodedAudio<T>(
  storage: ObjectStorage,
  key: string,
  use: (audio: { path: string; durationSec: number }) => Promise<T>,
): Promise<T> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-audio-'));
  try {
    const object = await storage.get(key);
    const wavPath = path.join(scratch, 'audio.wav');
    const { durationSec } = await decodeAudioToFile({ stream: object.body }, wavPath);
    return await use({ path: wavPath, durationSec });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
