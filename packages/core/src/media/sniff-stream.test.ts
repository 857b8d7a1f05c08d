import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { sniffStream } from './sniff-stream';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Deterministic bytes, different in every chunk, so a replayed or skipped chunk changes the hash. */
function chunkBytes(index: number, size: number): Buffer {
  const chunk = Buffer.alloc(size);
  for (let i = 0; i < size; i++) chunk[i] = (index * 31 + i * 7) & 0xff;
  return chunk;
}

describe('sniffStream', () => {
  it('should return the whole source as head when it is shorter than asked', async () => {
    const { head, stream } = await sniffStream(Readable.from([Buffer.from('abc'), Buffer.from('de')]), 64);

    expect(head.toString()).toBe('abcde');
    expect((await readAll(stream)).toString()).toBe('abcde');
  });

  it('should handle a source of exactly the sniffed size and an empty source', async () => {
    const exact = await sniffStream(Readable.from([Buffer.from('0123'), Buffer.from('4567')]), 8);
    expect(exact.head.toString()).toBe('01234567');
    expect((await readAll(exact.stream)).toString()).toBe('01234567');

    const empty = await sniffStream(Readable.from([]), 8);
    expect(empty.head.length).toBe(0);
    expect((await readAll(empty.stream)).length).toBe(0);
  });

  it('should cut head at the asked size but replay every byte of the chunks it read', async () => {
    const { head, stream } = await sniffStream(
      (async function* () {
        yield new Uint8Array([1, 2, 3, 4, 5, 6]);
        yield new Uint8Array([7, 8]);
      })(),
      4,
    );

    expect([...head]).toEqual([1, 2, 3, 4]);
    expect([...(await readAll(stream))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('should stream a large source intact and read it only as fast as its consumer', async () => {
    const chunkCount = 640;
    const chunkSize = 16 * 1024; // 10 MiB in all
    const expected = createHash('sha256');
    let produced = 0;
    async function* source() {
      for (let index = 0; index < chunkCount; index++) {
        produced++;
        const chunk = chunkBytes(index, chunkSize);
        expected.update(chunk);
        yield chunk;
      }
    }

    const { head, stream } = await sniffStream(source(), 4096);
    await sleep(20);
    expect(produced).toBeLessThanOrEqual(3);
    expect(head.equals(chunkBytes(0, chunkSize).subarray(0, 4096))).toBe(true);

    const actual = createHash('sha256');
    for await (const chunk of stream) actual.update(chunk as Buffer);
    expect(produced).toBe(chunkCount);
    expect(actual.digest('hex')).toBe(expected.digest('hex'));
  });

  it('should pass a source error after the head to the returned stream', async () => {
    const { head, stream } = await sniffStream(
      (async function* () {
        yield Buffer.from('OggS and more');
        yield Buffer.from('second chunk');
        throw new Error('connection reset');
      })(),
      4,
    );

    expect(head.toString()).toBe('OggS');
    await expect(readAll(stream)).rejects.toThrow('connection reset');
  });

  it('should reject when the source fails before the head is complete', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.from('ab'));
    setImmediate(() => source.destroy(new Error('connection reset')));

    await expect(sniffStream(source, 64)).rejects.toThrow('connection reset');
  });

  it('should destroy a Readable source when the returned stream is destroyed early', async () => {
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i++) yield chunkBytes(i, 1024);
      })(),
      { objectMode: false },
    );

    const { stream } = await sniffStream(source, 10);
    stream.destroy();
    await sleep(10);

    expect(source.destroyed).toBe(true);
  });
});
