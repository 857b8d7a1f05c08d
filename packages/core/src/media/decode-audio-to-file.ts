import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { AudioInput } from './open-audio-input';
import { type AudioDecodeOptions, decodedSampleRate, runAudioDecoder } from './run-audio-decoder';

const wavHeaderBytes = 44;

/**
 * Like decodeAudio, but streams 16 kHz mono 16-bit PCM into a WAV file (what whisper.cpp reads) instead
 * of holding the recording in memory. The file is removed when decoding fails.
 */
export async function decodeAudioToFile(
  input: AudioInput,
  outputPath: string,
  options: AudioDecodeOptions = {},
): Promise<{ durationSec: number; incomplete: boolean }> {
  // Owner-only: the file is a patient's voice. The header goes in last, once the sizes are known.
  const sink = createWriteStream(outputPath, { mode: 0o600, start: wavHeaderBytes });
  try {
    const { samples, incomplete } = await runAudioDecoder(input, 's16le', sink, options);
    const file = await open(outputPath, 'r+');
    try {
      await file.write(wavHeader(samples), 0, wavHeaderBytes, 0);
    } finally {
      await file.close();
    }
    return { durationSec: samples / decodedSampleRate, incomplete };
  } catch (error) {
    // The stream opens the file asynchronously: removing it before that settles could leave it recreated.
    sink.destroy();
    await finished(sink).catch(() => {});
    await rm(outputPath, { force: true });
    throw error;
  }
}

function wavHeader(samples: number): Buffer {
  const dataBytes = samples * 2;
  const header = Buffer.alloc(wavHeaderBytes);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // integer PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(decodedSampleRate, 24);
  header.writeUInt32LE(decodedSampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}
