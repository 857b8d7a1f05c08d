import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudioDecodeError } from './audio-decode-error';
import { decodeAudio } from './decode-audio';
import { decodeAudioToFile } from './decode-audio-to-file';
import { detectAudioFormat } from './detect-audio-format';
import { generateTone, toneSeconds } from './testing/audio-fixtures';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'decode-to-file-test-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('decodeAudioToFile', () => {
  it('should write a 16 kHz mono 16-bit WAV file with the length of the recording', async () => {
    const mp3 = await generateTone(directory, 'tone.mp3', ['-c:a', 'libmp3lame']);
    const output = join(directory, 'out.wav');

    const result = await decodeAudioToFile({ path: mp3 }, output);

    const wav = await readFile(output);
    expect(detectAudioFormat(wav)?.format).toBe('wav');
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(16000);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(Math.abs(result.durationSec - toneSeconds)).toBeLessThan(0.05);
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    expect((await decodeAudio({ path: output })).durationSec).toBe(result.durationSec);
  });

  it('should leave no output file behind when decoding fails', async () => {
    const input = join(directory, 'broken.ogg');
    await writeFile(input, Buffer.concat([Buffer.from('OggS\0\x02', 'latin1'), Buffer.alloc(4096, 7)]));
    const output = join(directory, 'broken.wav');

    await expect(decodeAudioToFile({ path: input }, output)).rejects.toBeInstanceOf(AudioDecodeError);
    await expect(stat(output)).rejects.toMatchObject({ code: 'ENOENT' });

    // Rejected before ffmpeg starts, while the output file may still be opening.
    const text = join(directory, 'notes.mp3');
    await writeFile(text, 'not audio at all\n');
    await expect(decodeAudioToFile({ path: text }, output)).rejects.toMatchObject({
      reason: 'unsupported_format',
    });
    await expect(stat(output)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
