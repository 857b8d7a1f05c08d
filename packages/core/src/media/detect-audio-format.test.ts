import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioSniffBytes, detectAudioFormat } from './detect-audio-format';
import { generateTone, toneFixtures } from './testing/audio-fixtures';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'detect-audio-test-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function headOf(path: string): Promise<Buffer> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(audioSniffBytes), 0, audioSniffBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const mimeTypes = {
  wav: 'audio/wav',
  webm: 'audio/webm',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
  mp4: 'audio/mp4',
};

describe('detectAudioFormat', () => {
  it.each(toneFixtures)(
    'should recognise $name from its first bytes',
    async ({ file, format, encoderArgs }) => {
      const head = await headOf(await generateTone(directory, file, encoderArgs, 0.5));

      expect(detectAudioFormat(head)).toEqual({
        format,
        mimeType: format === 'flac' ? 'audio/flac' : mimeTypes[format],
      });
    },
  );

  it('should tell Matroska from WebM by the DocType', async () => {
    const head = await headOf(
      await generateTone(directory, 'tone.mka', ['-c:a', 'libopus', '-f', 'matroska'], 0.5),
    );

    expect(detectAudioFormat(head)).toEqual({ format: 'webm', mimeType: 'audio/x-matroska' });
  });

  it('should recognise MP3 without an ID3 tag and FLAC behind one', async () => {
    const bare = await generateTone(
      directory,
      'bare.mp3',
      ['-c:a', 'libmp3lame', '-id3v2_version', '0'],
      0.5,
    );
    const tagged = await generateTone(directory, 'tagged.flac', ['-c:a', 'flac'], 0.5);
    const id3 = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 10, ...Buffer.alloc(10)]);

    const bareHead = await headOf(bare);
    expect(bareHead[0]).toBe(0xff);
    expect(detectAudioFormat(bareHead)?.format).toBe('mp3');
    expect(detectAudioFormat(Buffer.concat([id3, await headOf(tagged)]))?.format).toBe('flac');
  });

  it('should recognise an MP4 whose index comes first (faststart)', async () => {
    const path = await generateTone(directory, 'fast.m4a', ['-c:a', 'aac', '-movflags', '+faststart'], 0.5);

    expect(detectAudioFormat(await headOf(path))?.format).toBe('mp4');
  });

  it('should not take a text file, whatever its name, for audio', () => {
    const text = Buffer.from('RIFF notes: patient reports dizziness.\nID3 is not a tag here.\n'.repeat(20));

    expect(detectAudioFormat(text)).toBeUndefined();
    expect(detectAudioFormat(Buffer.from('ID3 tag? no, just text'))).toBeUndefined();
  });

  it('should not take random bytes for audio', () => {
    for (let i = 0; i < 2000; i++) expect(detectAudioFormat(randomBytes(audioSniffBytes))).toBeUndefined();
  });

  it('should not take one stray MPEG frame header followed by garbage for MP3', () => {
    // A valid MPEG-1 layer III 128 kbit/s 44.1 kHz header; a second one must follow 417 bytes later.
    const head = Buffer.alloc(1024, 0x41);
    head.set([0xff, 0xfb, 0x90, 0x00]);
    expect(detectAudioFormat(head)).toBeUndefined();

    head.set([0xff, 0xfb, 0x90, 0x00], 417);
    expect(detectAudioFormat(head)?.format).toBe('mp3');
  });

  it('should reject an ISO media file with image brands only (HEIC)', () => {
    const ftyp = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic'),
      Buffer.alloc(4),
      Buffer.from('mif1heic'),
    ]);

    expect(detectAudioFormat(ftyp)).toBeUndefined();
  });

  it('should reject an EBML file of another DocType and an empty input', () => {
    const ebml = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x84, ...Buffer.from('mkvx')]);

    expect(detectAudioFormat(ebml)).toBeUndefined();
    expect(detectAudioFormat(new Uint8Array(0))).toBeUndefined();
  });
});
