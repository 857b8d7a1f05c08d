import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver } from '../testing/start-s3rver';
import { createObjectStorage } from './create-object-storage';
import { formatContentDisposition } from './format-content-disposition';
import { tempFolderName } from './local-disk-storage';
import { verifyLocalDownloadToken } from './local-download-token';
import {
  InvalidObjectKeyError,
  ObjectNotFoundError,
  type ObjectStorage,
  ObjectTooLargeError,
  RangeNotSatisfiableError,
} from './object-storage';

const signingSecret = randomBytes(32).toString('base64url');
const MiB = 1024 * 1024;

interface Harness {
  storage: ObjectStorage;
  /** What a failed put could strand besides the object: temp files (local), multipart uploads (S3). */
  leftovers(): Promise<string[]>;
  /** S3 only: keys whose multipart upload the driver aborted, to show a test really went multipart. */
  abortedMultipartUploads?: () => Promise<string[]>;
  /** Follows a download URL the way a browser would, as far as these tests care. */
  download(
    url: string,
  ): Promise<{ bytes: Buffer; contentDisposition: string | null; contentType: string | null }>;
  stop(): Promise<void>;
}

const drivers: [string, () => Promise<Harness>][] = [
  [
    'local disk',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'objects-'));
      const storage = createObjectStorage(
        { driver: 'local', dir, downloadUrlTtlSeconds: 300 },
        { signingSecret },
      );
      return {
        storage,
        leftovers: () => readdir(path.join(dir, tempFolderName)),
        // What the /api/v1/files/<token> route will do; the route itself is wired elsewhere.
        async download(url) {
          const token = url.slice('/api/v1/files/'.length);
          const { key, fileName, contentType } = verifyLocalDownloadToken(signingSecret, token);
          const object = await storage.get(key);
          return {
            bytes: await readAll(object.body),
            contentDisposition: formatContentDisposition(fileName),
            contentType: contentType ?? object.contentType ?? null,
          };
        },
        stop: () => rm(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'S3',
    async () => {
      const s3rver = await startS3rver();
      return {
        storage: createObjectStorage(s3rver.config, { signingSecret }),
        leftovers: s3rver.pendingMultipartUploads,
        abortedMultipartUploads: s3rver.abortedMultipartUploads,
        async download(url) {
          const response = await fetch(url);
          expect(response.status).toBe(200);
          return {
            bytes: Buffer.from(await response.arrayBuffer()),
            contentDisposition: response.headers.get('content-disposition'),
            contentType: response.headers.get('content-type'),
          };
        },
        stop: s3rver.stop,
      };
    },
  ],
];

const bodyOf = (...chunks: Buffer[]) => Readable.from(chunks);

async function readAll(body: Readable): Promise<Buffer> {
  return Buffer.concat(await body.toArray());
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `count` chunks of `chunkSize` random bytes, with the SHA-256 of all of them once generated. */
function randomChunks(count: number, chunkSize: number) {
  const hash = createHash('sha256');
  const source = (async function* () {
    for (let index = 0; index < count; index += 1) {
      const chunk = randomBytes(chunkSize);
      hash.update(chunk);
      yield chunk;
    }
  })();
  return { source, sha256: () => hash.digest('hex') };
}

/**
 * Yields `bytesBeforeFailure` in 1 MiB chunks, then calls `fail`. Twelve MiB leave room for the
 * chunks that stream buffers hold back and still get an S3 multipart upload going first.
 */
async function* chunksThen(bytesBeforeFailure: number, fail: () => void): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < bytesBeforeFailure; sent += MiB) yield randomBytes(MiB);
  fail();
  for (let index = 0; index < 16; index += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield randomBytes(MiB);
  }
}

async function listKeys(storage: ObjectStorage, prefix: string) {
  const listed = [];
  for await (const object of storage.list(prefix)) listed.push(object);
  return listed.sort((a, b) => a.key.localeCompare(b.key));
}

describe.each(drivers)('%s object storage', (_, start) => {
  let harness: Harness;
  let storage: ObjectStorage;
  // Every test works under a prefix of its own, so they cannot see each other's objects.
  const prefix = () => `clinics/${randomUUID()}/`;

  beforeAll(async () => {
    harness = await start();
    storage = harness.storage;
  });
  afterAll(() => harness?.stop());

  async function expectNothingLeft(key: string, keyPrefix: string) {
    await expect(storage.head(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await listKeys(storage, keyPrefix)).toEqual([]);
    expect(await harness.leftovers()).toEqual([]);
  }

  it('should store a buffer stream and return its size and sha256', async () => {
    const key = `${prefix()}note.bin`;
    const bytes = randomBytes(10_000);
    const stored = await storage.put(key, bodyOf(bytes), { contentType: 'audio/webm;codecs=opus' });
    expect(stored).toEqual({ size: 10_000, sha256: sha256(bytes) });
    const object = await storage.get(key);
    expect(object.size).toBe(10_000);
    expect(object.contentType).toBe('audio/webm;codecs=opus');
    expect(object.range).toBeUndefined();
    expect(await readAll(object.body)).toEqual(bytes);
  });

  it('should store a stream of unknown length from a generator', async () => {
    const key = `${prefix()}chunked`;
    const chunks = randomChunks(10, 1000);
    const stored = await storage.put(key, chunks.source);
    expect(stored).toEqual({ size: 10_000, sha256: chunks.sha256() });
    expect(await storage.head(key)).toEqual({ key, size: 10_000, contentType: 'application/octet-stream' });
  });

  it('should store an empty object', async () => {
    const key = `${prefix()}empty`;
    expect(await storage.put(key, bodyOf())).toEqual({ size: 0, sha256: sha256(Buffer.alloc(0)) });
    const object = await storage.get(key);
    expect(object.size).toBe(0);
    expect(await readAll(object.body)).toEqual(Buffer.alloc(0));
  });

  it('should stream a 24 MiB object in and out intact (multipart on S3)', async () => {
    const key = `${prefix()}recording.webm`;
    const chunks = randomChunks(24, MiB);
    const stored = await storage.put(key, chunks.source, { contentType: 'audio/webm' });
    const expected = chunks.sha256();
    expect(stored).toEqual({ size: 24 * MiB, sha256: expected });
    const object = await storage.get(key);
    expect(object.size).toBe(24 * MiB);
    const hash = createHash('sha256');
    for await (const chunk of object.body) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(expected);
    expect(await harness.leftovers()).toEqual([]);
  });

  it('should replace an object that is put again under the same key', async () => {
    const key = `${prefix()}document`;
    await storage.put(key, bodyOf(Buffer.from('first version')), { contentType: 'text/plain' });
    await storage.put(key, bodyOf(Buffer.from('second')), { contentType: 'application/pdf' });
    const object = await storage.get(key);
    expect(await readAll(object.body)).toEqual(Buffer.from('second'));
    expect(object.contentType).toBe('application/pdf');
  });

  describe('range reads', () => {
    const bytes = randomBytes(1000);
    let key: string;
    beforeAll(async () => {
      key = `${prefix()}ranged`;
      await storage.put(key, bodyOf(bytes));
    });

    it.each([
      ['the first bytes', { start: 0, end: 9 }, { start: 0, end: 9 }],
      ['a middle slice', { start: 100, end: 199 }, { start: 100, end: 199 }],
      ['everything from an offset', { start: 990 }, { start: 990, end: 999 }],
      ['a range ending past the end, clamped', { start: 995, end: 5000 }, { start: 995, end: 999 }],
    ])('should return %s', async (_name, range, expected) => {
      const object = await storage.get(key, { range });
      expect(object.size).toBe(1000);
      expect(object.range).toEqual(expected);
      expect(await readAll(object.body)).toEqual(bytes.subarray(expected.start, expected.end + 1));
    });

    it.each([{ start: 1000 }, { start: 5000, end: 6000 }])(
      'should refuse a range that starts at or past the end (%o)',
      async (range) => {
        await expect(storage.get(key, { range })).rejects.toBeInstanceOf(RangeNotSatisfiableError);
      },
    );

    it('should refuse a malformed range before asking the storage', async () => {
      await expect(storage.get(key, { range: { start: 10, end: 5 } })).rejects.toBeInstanceOf(
        RangeNotSatisfiableError,
      );
      await expect(storage.get(key, { range: { start: -1 } })).rejects.toBeInstanceOf(
        RangeNotSatisfiableError,
      );
    });
  });

  it('should report a missing key as ObjectNotFoundError on get and head', async () => {
    const key = `${prefix()}missing`;
    await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.get(key, { range: { start: 0 } })).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.head(key)).rejects.toMatchObject({ name: 'ObjectNotFoundError', key });
  });

  it('should delete an object, and accept deleting it again', async () => {
    const key = `${prefix()}to-delete`;
    await storage.put(key, bodyOf(Buffer.from('bye')));
    await storage.delete(key);
    await expect(storage.head(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await storage.delete(key);
    await storage.delete(`${prefix()}never-existed`);
  });

  it('should delete exactly the objects under a prefix and nothing beside it', async () => {
    const base = prefix();
    const doomed = [`${base}a/1`, `${base}a/sub/2`, `${base}a/sub/deeper/3`];
    const kept = [`${base}ab/4`, `${base}a-x`, `${base}b/a/5`];
    for (const key of [...doomed, ...kept]) await storage.put(key, bodyOf(Buffer.from(key)));
    expect(await storage.deletePrefix(`${base}a/`)).toBe(3);
    for (const key of doomed) await expect(storage.head(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    for (const key of kept) expect((await storage.head(key)).size).toBe(Buffer.byteLength(key));
    expect(await storage.deletePrefix(`${base}a/`)).toBe(0);
    expect(await storage.deletePrefix(`${prefix()}nothing/`)).toBe(0);
  });

  it('should list the objects under a prefix with their sizes', async () => {
    const base = prefix();
    await storage.put(`${base}p/one`, bodyOf(Buffer.alloc(1)));
    await storage.put(`${base}p/nested/two`, bodyOf(Buffer.alloc(2)), { contentType: 'text/plain' });
    await storage.put(`${base}p-beside`, bodyOf(Buffer.alloc(3)));
    await storage.put(`${base}pp/three`, bodyOf(Buffer.alloc(4)));
    expect(await listKeys(storage, `${base}p/`)).toEqual([
      { key: `${base}p/nested/two`, size: 2 },
      { key: `${base}p/one`, size: 1 },
    ]);
    expect(await listKeys(storage, `${base}nothing/`)).toEqual([]);
  });

  it('should list and delete more objects than one page of 1,000', async () => {
    const base = prefix();
    const keys = Array.from(
      { length: 1005 },
      (_, index) => `${base}chunks/${String(index).padStart(4, '0')}`,
    );
    for (let index = 0; index < keys.length; index += 25) {
      await Promise.all(
        keys.slice(index, index + 25).map((key) => storage.put(key, bodyOf(Buffer.from('x')))),
      );
    }
    expect((await listKeys(storage, `${base}chunks/`)).map((object) => object.key)).toEqual(keys);
    expect(await storage.deletePrefix(base)).toBe(1005);
    expect(await listKeys(storage, base)).toEqual([]);
  }, 120_000);

  it('should refuse a small body over maxBytes and keep nothing', async () => {
    const base = prefix();
    const key = `${base}too-large`;
    const put = storage.put(key, randomChunks(5, 1000).source, { maxBytes: 4999 });
    await expect(put).rejects.toBeInstanceOf(ObjectTooLargeError);
    await expect(put).rejects.toMatchObject({ maxBytes: 4999 });
    await expectNothingLeft(key, base);
  });

  it('should accept a body of exactly maxBytes', async () => {
    const key = `${prefix()}just-fits`;
    expect((await storage.put(key, randomChunks(5, 1000).source, { maxBytes: 5000 })).size).toBe(5000);
  });

  it('should refuse a large body over maxBytes mid-upload and keep nothing', async () => {
    const base = prefix();
    const key = `${base}too-large.webm`;
    await expect(storage.put(key, randomChunks(24, MiB).source, { maxBytes: 7 * MiB })).rejects.toMatchObject(
      {
        name: 'ObjectTooLargeError',
        maxBytes: 7 * MiB,
      },
    );
    await expectNothingLeft(key, base);
    if (harness.abortedMultipartUploads) expect(await harness.abortedMultipartUploads()).toContain(key);
  });

  it('should keep nothing of a put aborted mid-stream', async () => {
    const base = prefix();
    const key = `${base}aborted.webm`;
    const controller = new AbortController();
    const body = chunksThen(12 * MiB, () => setImmediate(() => controller.abort()));
    await expect(storage.put(key, body, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expectNothingLeft(key, base);
    if (harness.abortedMultipartUploads) expect(await harness.abortedMultipartUploads()).toContain(key);
  });

  it('should keep nothing of a put whose signal was aborted before it began', async () => {
    const base = prefix();
    const key = `${base}aborted-early`;
    await expect(
      storage.put(key, bodyOf(Buffer.from('x')), { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await expectNothingLeft(key, base);
  });

  it('should keep nothing of a put whose source fails mid-way, and pass on its error', async () => {
    const base = prefix();
    const key = `${base}broken.webm`;
    const failure = new Error('the microphone was unplugged');
    const body = chunksThen(12 * MiB, () => {
      throw failure;
    });
    await expect(storage.put(key, body)).rejects.toBe(failure);
    await expectNothingLeft(key, base);
    if (harness.abortedMultipartUploads) expect(await harness.abortedMultipartUploads()).toContain(key);
  });

  it.each([
    ['a parent segment', '../x'],
    ['a parent segment inside', 'clinics/../x'],
    ['an absolute path', '/abs'],
    ['an empty segment', 'a//b'],
    ['a dot segment', 'a/./b'],
    ['a backslash', 'a\\b'],
    ['a space', 'a b'],
    ['a trailing slash', 'a/'],
    ['the empty string', ''],
    ['more than 512 characters', `${'a'.repeat(100)}/`.repeat(5) + 'a'.repeat(13)],
    ['a segment over 200 characters', 'a'.repeat(201)],
  ])('should reject a key with %s', async (_name, key) => {
    await expect(storage.put(key, bodyOf(Buffer.from('x')))).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await expect(storage.head(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await expect(storage.downloadUrl(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    expect(await harness.leftovers()).toEqual([]);
  });

  it('should accept a key of exactly 512 characters', async () => {
    const key = `${'a'.repeat(100)}/`.repeat(5) + 'a'.repeat(7);
    expect(key).toHaveLength(512);
    await storage.put(key, bodyOf(Buffer.from('long')));
    expect((await storage.head(key)).size).toBe(4);
    await storage.delete(key);
  });

  it.each(['clinics', '/clinics/', '../', 'a//', ''])('should reject the prefix %o', async (badPrefix) => {
    await expect(storage.deletePrefix(badPrefix)).rejects.toBeInstanceOf(InvalidObjectKeyError);
    await expect(listKeys(storage, badPrefix)).rejects.toBeInstanceOf(InvalidObjectKeyError);
  });

  it('should reject a content type that could split a header', async () => {
    await expect(
      storage.put(`${prefix()}x`, bodyOf(Buffer.from('x')), { contentType: 'text/plain\r\nx-evil: 1' }),
    ).rejects.toBeInstanceOf(TypeError);
  });

  it('should give a download URL that serves the bytes as an attachment with the file name', async () => {
    const key = `${prefix()}document`;
    const bytes = randomBytes(2048);
    await storage.put(key, bodyOf(bytes), { contentType: 'application/pdf' });
    const fileName = 'Befund März "2024" (1).pdf';
    const url = await storage.downloadUrl(key, {
      fileName,
      contentType: 'application/pdf',
      expiresInSeconds: 60,
    });
    const download = await harness.download(url);
    expect(download.bytes).toEqual(bytes);
    expect(download.contentDisposition).toBe(formatContentDisposition(fileName));
    expect(download.contentType).toBe('application/pdf');
  });

  it('should refuse a download URL lifetime beyond seven days', async () => {
    await expect(
      storage.downloadUrl(`${prefix()}x`, { expiresInSeconds: 7 * 24 * 3600 + 1 }),
    ).rejects.toBeInstanceOf(RangeError);
  });

  it('should pass its readiness check', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
  });
});
