import { Readable } from 'node:stream';

export interface SniffedStream {
  /** The first `bytes` bytes, or the whole source when it is shorter. */
  head: Buffer;
  /** Every byte of the source from the start: the sniffed chunks replayed, then the rest as it is read. */
  stream: Readable;
}

/**
 * Reads just enough of an upload to decide its type, without holding the rest in memory: the returned
 * stream pulls from the source only as fast as its consumer reads. A source error while sniffing rejects;
 * a later one errors the returned stream. Destroying the returned stream destroys the source.
 */
export async function sniffStream(
  source: Readable | AsyncIterable<Uint8Array>,
  bytes: number,
): Promise<SniffedStream> {
  const iterator = (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  const sniffed: Buffer[] = [];
  let sniffedLength = 0;
  let ended = false;
  try {
    while (sniffedLength < bytes) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = toBuffer(next.value);
      if (chunk.length === 0) continue;
      sniffed.push(chunk);
      sniffedLength += chunk.length;
    }
  } catch (error) {
    await iterator.return?.().catch(() => {});
    throw error;
  }

  const head = Buffer.concat(sniffed, sniffedLength).subarray(0, bytes);
  let finished = ended;
  async function pull(): Promise<Buffer | undefined> {
    let chunk = sniffed.shift();
    while (!chunk?.length && !finished) {
      const next = await iterator.next();
      if (next.done) finished = true;
      else chunk = toBuffer(next.value);
    }
    return chunk?.length ? chunk : undefined;
  }
  const stream = new Readable({
    // Called again only after a push, so one pull is in flight at a time and the consumer sets the pace.
    read() {
      void pull().then(
        (chunk) => !this.destroyed && this.push(chunk ?? null),
        (error: unknown) => this.destroy(error as Error),
      );
    },
    // Releases the source when the consumer gives up early instead of leaving it paused and open.
    destroy(error, callback) {
      if (!finished) {
        finished = true;
        // Not awaited: a generator's return() waits for a pull in flight, which a stalled source never ends.
        if (source instanceof Readable) source.destroy();
        else void iterator.return?.().catch(() => {});
      }
      callback(error);
    },
  });
  return { head, stream };
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
