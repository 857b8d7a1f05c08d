import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of';
import { ensureModelFile } from './ensure-model-file';

const model = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, index) => (index * 31) % 251));
const modelSha256 = createHash('sha256').update(model).digest('hex');
let server: Server;
let baseUrl: string;
let directory: string;
const ranges: (string | undefined)[] = [];
let cutAfterBytes: number | undefined;

beforeAll(async () => {
  // A download server speaking plain HTTP with byte ranges, which can drop a connection mid-body.
  server = createServer((request, response) => {
    ranges.push(request.headers.range);
    const start = Number(/^bytes=(\d+)-$/.exec(request.headers.range ?? '')?.[1] ?? 0);
    const body = model.subarray(start);
    response.writeHead(start > 0 ? 206 : 200, {
      'content-length': String(body.length),
      ...(start > 0 ? { 'content-range': `bytes ${start}-${model.length - 1}/${model.length}` } : {}),
    });
    if (cutAfterBytes !== undefined) {
      const cut = cutAfterBytes;
      cutAfterBytes = undefined;
      response.write(body.subarray(0, cut), () => response.destroy());
    } else {
      response.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'healthcare-models-'));
  ranges.length = 0;
  return () => rm(directory, { recursive: true, force: true });
});

describe('ensureModelFile', () => {
  it('should download the model once, report progress, check its checksum, and reuse it after', async () => {
    const progress: number[] = [];
    const source = {
      path: undefined,
      url: `${baseUrl}/models/ggml-base.bin`,
      directory,
      sha256: modelSha256,
      onProgress: ({ receivedBytes }: { receivedBytes: number }) => progress.push(receivedBytes),
    };
    const [first, second] = await Promise.all([ensureModelFile(source), ensureModelFile(source)]);
    expect(first).toBe(path.join(directory, 'ggml-base.bin'));
    expect(second).toBe(first);
    expect((await readFile(first)).equals(model)).toBe(true);
    expect(progress.at(-1)).toBe(model.length);
    expect(ranges).toHaveLength(1);
    await ensureModelFile(source);
    expect(ranges).toHaveLength(1);
  });

  it('should resume an interrupted download from where it stopped', async () => {
    const source = { path: undefined, url: `${baseUrl}/ggml-tiny.bin`, directory, sha256: modelSha256 };
    cutAfterBytes = 1024 * 1024;
    const interrupted = await failureOf(ensureModelFile(source));
    expect(interrupted).toMatchObject({ retryable: true });
    expect(interrupted.message).toMatch(/interrupted.*resumes/);
    const partSize = (await stat(path.join(directory, 'ggml-tiny.bin.part'))).size;
    expect(partSize).toBeGreaterThan(0);

    const file = await ensureModelFile(source);
    expect(ranges.at(-1)).toBe(`bytes=${partSize}-`);
    expect((await readFile(file)).equals(model)).toBe(true);
    expect(existsSync(`${file}.part`)).toBe(false);
  });

  it('should discard a download whose checksum does not match', async () => {
    const error = await failureOf(
      ensureModelFile({ path: undefined, url: `${baseUrl}/bad.bin`, directory, sha256: '0'.repeat(64) }),
    );
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toMatch(/does not match its checksum/);
    expect(existsSync(path.join(directory, 'bad.bin'))).toBe(false);
    expect(existsSync(path.join(directory, 'bad.bin.part'))).toBe(false);
  });

  it('should say what to do when the model cannot be downloaded (no network)', async () => {
    const error = await failureOf(
      ensureModelFile({
        path: undefined,
        url: 'http://127.0.0.1:1/ggml-base.bin',
        directory,
        sha256: undefined,
      }),
    );
    expect(error.message).toMatch(/offline.*STT_MODEL_URL names to .*ggml-base\.bin.*STT_MODEL_PATH/);
    // It is shown to clinicians: the setting is named, the URL (which may hold credentials) is not.
    expect(error.message).not.toContain('127.0.0.1');
  });

  it('should use a configured model path as it is, and say so when it is missing', async () => {
    const file = path.join(directory, 'mine.bin');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'x'));
    expect(
      await ensureModelFile({ path: file, url: `${baseUrl}/unused`, directory, sha256: undefined }),
    ).toBe(file);
    expect(ranges).toEqual([]);
    const missing = await failureOf(
      ensureModelFile({ path: `${file}.nope`, url: `${baseUrl}/unused`, directory, sha256: undefined }),
    );
    expect(missing).toMatchObject({ retryable: false });
    expect(missing.message).toContain('STT_MODEL_PATH');
  });
});
