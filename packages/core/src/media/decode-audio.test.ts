import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudioDecodeError } from './audio-decode-error';
import { decodeAudio } from './decode-audio';
import {
  ffmpegChildren,
  generateTone,
  isProcessAlive,
  toneFixtures,
  toneSeconds,
} from './testing/audio-fixtures';

let directory: string;
const paths = new Map<string, string>();

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'decode-audio-test-'));
  await Promise.all(
    toneFixtures.map(async (fixture) => {
      paths.set(fixture.name, await generateTone(directory, fixture.file, fixture.encoderArgs));
    }),
  );
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const pathOf = (name: string) => paths.get(name)!;

/** The first half of a fixture, cut at an odd length so that the WAV cut always falls inside a sample. */
async function truncatedToHalf(name: string): Promise<{ path: string; cut: number; original: Buffer }> {
  const original = await readFile(pathOf(name));
  const cut = Math.floor(original.length / 2) | 1;
  const path = join(directory, `half-${name.replace(/\W+/g, '-')}`);
  await writeFile(path, original.subarray(0, cut));
  return { path, cut, original };
}

async function expectDecodeError(promise: Promise<unknown>, reason: AudioDecodeError['reason']) {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(AudioDecodeError);
  expect((error as AudioDecodeError).reason).toBe(reason);
  return error as AudioDecodeError;
}

describe('decodeAudio', () => {
  describe.each(toneFixtures)('$name', ({ name }) => {
    it('should decode a file to 16 kHz mono with the duration of the tone', async () => {
      const decoded = await decodeAudio({ path: pathOf(name) });

      expect(decoded.sampleRate).toBe(16000);
      expect(decoded.pcm.length).toBe(Math.round(decoded.durationSec * 16000));
      expect(Math.abs(decoded.durationSec - toneSeconds)).toBeLessThan(0.05);
      expect(decoded.incomplete).toBe(false);
      // A 440 Hz sine at lavfi's default amplitude of 1/8: real samples, not silence or noise.
      const peak = decoded.pcm.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
      expect(peak).toBeGreaterThan(0.1);
      expect(peak).toBeLessThan(0.2);
    });

    it('should decode the same recording piped from a stream', async () => {
      const decoded = await decodeAudio({ stream: createReadStream(pathOf(name)) });

      expect(Math.abs(decoded.durationSec - toneSeconds)).toBeLessThan(0.05);
    });
  });

  // Half a file is what an upload cut off by a dropped connection looks like. Whatever still holds whole
  // packets decodes to the shorter audio (better some of a consultation than none); what lost its index
  // or every audio packet is reported as damaged.
  it.each([
    // The data chunk is read until the file ends; the half sample at the cut is reported.
    ['WAV', true],
    // Clusters are self-contained; the demuxer reports the read error at the cut.
    ['WebM (Opus)', true],
    // Pages are self-contained and the cut page is dropped without a word.
    ['Ogg (Opus)', false],
    // Frames are self-contained; the cut frame is skipped silently, so MP3 damage goes unnoticed.
    ['MP3', false],
    // Frames are self-contained; the cut frame fails its checksum and is reported.
    ['FLAC', true],
  ])('should return the shorter audio of a %s file cut in half', async (name, incomplete) => {
    const decoded = await decodeAudio({ path: (await truncatedToHalf(name)).path });

    expect(decoded.durationSec).toBeGreaterThan(0.5);
    expect(decoded.durationSec).toBeLessThan(toneSeconds * 0.75);
    expect(decoded.incomplete).toBe(incomplete);
  });

  it('should reject an M4A file cut in half as corrupt, because its index (moov) is written at the end', async () => {
    const { path, cut, original } = await truncatedToHalf('M4A (AAC)');
    expect(original.indexOf('moov')).toBeGreaterThan(cut);

    const error = await expectDecodeError(decodeAudio({ path }), 'corrupt');
    expect(error.message).toBe('The recording could not be read: it is damaged or incomplete.');
  });

  it('should reject an Ogg Vorbis file cut inside its first audio page as corrupt', async () => {
    // Vorbis codebooks fill the first ~3 kB, so half of this short tone keeps no complete audio page.
    // A longer recording cut in half keeps whole pages and decodes to the shorter audio, like Opus above.
    const { path, cut, original } = await truncatedToHalf('Ogg (Vorbis)');
    const pageStarts = [...original.toString('latin1').matchAll(/OggS/g)].map((match) => match.index);
    // Two header pages (identification; comments and codebooks), then the first audio page, cut short.
    expect(pageStarts[3]).toBeGreaterThan(cut);

    await expectDecodeError(decodeAudio({ path }), 'corrupt');
  });

  it('should reject a text file named .wav as not audio', async () => {
    const path = join(directory, 'notes.wav');
    await writeFile(path, 'Patient reports headache since Monday.\n');

    await expectDecodeError(decodeAudio({ path }), 'unsupported_format');
  });

  it('should reject random bytes as not audio', async () => {
    const path = join(directory, 'random.bin');
    await writeFile(path, randomBytes(64 * 1024));

    await expectDecodeError(decodeAudio({ path }), 'unsupported_format');
    await expectDecodeError(
      decodeAudio({ stream: Readable.from([randomBytes(64 * 1024)]) }),
      'unsupported_format',
    );
  });

  it('should reject random bytes behind a valid Ogg page header as corrupt without quoting them', async () => {
    const page = Buffer.from('OggS\0\x02', 'latin1');
    const path = join(directory, 'random.ogg');
    const secret = Buffer.from('Maria da Silva, CPF 123.456.789-09');
    await writeFile(path, Buffer.concat([page, secret, randomBytes(32 * 1024)]));

    const error = await expectDecodeError(decodeAudio({ path }), 'corrupt');
    expect(error.message).not.toContain('Maria');
    expect(JSON.stringify(error)).not.toContain('Maria');
  });

  it('should reject as corrupt when ffmpeg gives up while a large stream is still being written', async () => {
    // ffmpeg exits on the bad header long before reading 8 MB, so writing to its stdin fails with EPIPE.
    const chunks = [
      Buffer.from('OggS\0\x02', 'latin1'),
      ...Array.from({ length: 128 }, () => randomBytes(64 * 1024)),
    ];
    const upload = Readable.from(chunks, { objectMode: false });

    await expectDecodeError(decodeAudio({ stream: upload }), 'corrupt');
    expect(upload.destroyed).toBe(true);
    expect(ffmpegChildren()).toEqual([]);
  });

  it('should reject with the source error when an upload fails midway, and stop ffmpeg', async () => {
    const wav = await readFile(pathOf('WAV'));
    const upload = Readable.from(
      (async function* () {
        yield wav.subarray(0, 64 * 1024);
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error('client disconnected');
      })(),
      { objectMode: false },
    );

    await expect(decodeAudio({ stream: upload })).rejects.toThrow('client disconnected');
    expect(ffmpegChildren()).toEqual([]);
  });

  it('should reject a zero-length file or stream as empty', async () => {
    const path = join(directory, 'empty.webm');
    await writeFile(path, '');

    await expectDecodeError(decodeAudio({ path }), 'empty');
    await expectDecodeError(decodeAudio({ stream: Readable.from([]) }), 'empty');
  });

  it('should reject a valid WAV file without samples as empty', async () => {
    const wav = await readFile(pathOf('WAV'));
    const dataStart = wav.indexOf('data') + 8;
    const header = Buffer.from(wav.subarray(0, dataStart));
    header.writeUInt32LE(dataStart - 8, 4);
    header.writeUInt32LE(0, dataStart - 4);
    const path = join(directory, 'no-samples.wav');
    await writeFile(path, header);

    await expectDecodeError(decodeAudio({ path }), 'empty');
  });

  it('should reject a recording longer than maxSeconds and stop ffmpeg', async () => {
    const error = await expectDecodeError(
      decodeAudio({ path: pathOf('FLAC') }, { maxSeconds: 2 }),
      'too_long',
    );

    expect(error.message).toBe('The recording is longer than the allowed maximum of 2 seconds.');
    expect(ffmpegChildren()).toEqual([]);
  });

  it('should decode an M4A file whose index comes after the audio even from a stream', async () => {
    // 30 s is well past what ffmpeg can buffer from a pipe while it looks for the index at the end.
    const path = await generateTone(directory, 'long.m4a', ['-c:a', 'aac', '-b:a', '256k'], 30);

    const decoded = await decodeAudio({ stream: createReadStream(path) });

    expect(Math.abs(decoded.durationSec - 30)).toBeLessThan(0.05);
  });

  // Processes are listed from /proc, so this runs on Linux (CI and the container image) only.
  it.runIf(existsSync('/proc/self/stat'))(
    'should reject once aborted and leave no ffmpeg running',
    async () => {
      const upload = new PassThrough();
      // A WAV header promising more audio than ever arrives keeps ffmpeg waiting on stdin.
      upload.write((await readFile(pathOf('WAV'))).subarray(0, 8192));
      const controller = new AbortController();
      const decoding = decodeAudio({ stream: upload }, { signal: controller.signal });
      const settled = decoding.catch((error: unknown) => error);

      const started = Date.now();
      while (ffmpegChildren().length === 0 && Date.now() - started < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const [pid] = ffmpegChildren();
      expect(pid).toBeDefined();
      controller.abort();

      const error = await settled;
      expect(error).toBeInstanceOf(DOMException);
      expect((error as DOMException).name).toBe('AbortError');
      expect(isProcessAlive(pid!)).toBe(false);
      expect(ffmpegChildren()).toEqual([]);
      expect(upload.destroyed).toBe(true);
    },
  );

  it('should reject at once when the signal is already aborted', async () => {
    await expect(decodeAudio({ path: pathOf('WAV') }, { signal: AbortSignal.abort() })).rejects.toMatchObject(
      {
        name: 'AbortError',
      },
    );
  });
});
