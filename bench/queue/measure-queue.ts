import { setTimeout as sleep } from 'node:timers/promises';

export interface QueueUnderTest {
  send(seq: number): Promise<void>;
  /** Starts the workers, whose handler calls `started`; resolves to a function that stops them. */
  work(started: (seq: number) => void): Promise<() => Promise<void>>;
}

export interface QueueFigures {
  jobs: number;
  p50: number;
  p99: number;
  perSecond: number;
}

/**
 * `count` jobs through `queue`: one at a time (each sent once the last has started) or all at once.
 * Seconds from each send call to its handler's start; jobs per second from the first send to the last start.
 */
export async function measureQueue(
  queue: QueueUnderTest,
  count: number,
  atOnce: boolean,
): Promise<QueueFigures> {
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let resolveAll: () => void = () => undefined;
  const allStarted = new Promise<void>((resolve) => (resolveAll = resolve));
  let waiting: { seq: number; resolve: () => void } | undefined;
  // A fresh range of sequence numbers per measurement: singleton keys are never reused.
  const base = nextBase;
  nextBase += count;
  const stop = await queue.work((seq) => {
    const sent = sentAt.get(seq);
    if (sent === undefined) throw new Error(`job ${seq} started but was never sent`);
    latencies.push((performance.now() - sent) / 1000);
    if (waiting?.seq === seq) waiting.resolve();
    if (latencies.length === count) resolveAll();
  });
  // Idle workers: the first job's wait is like any other's, not a cold start.
  await sleep(1_000);
  const started = performance.now();
  if (atOnce) {
    await Promise.all(
      Array.from({ length: count }, (_, index) => {
        sentAt.set(base + index, performance.now());
        return queue.send(base + index);
      }),
    );
  } else {
    for (let index = 0; index < count; index += 1) {
      const seq = base + index;
      const startedJob = new Promise<void>((resolve) => (waiting = { seq, resolve }));
      sentAt.set(seq, performance.now());
      await queue.send(seq);
      await startedJob;
    }
  }
  await withTimeout(allStarted, 120_000, `only ${latencies.length} of ${count} jobs started`);
  const elapsed = (performance.now() - started) / 1000;
  await stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!;
  return { jobs: count, p50: at(0.5), p99: at(0.99), perSecond: count / elapsed };
}

let nextBase = 0;

function withTimeout(promise: Promise<void>, ms: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(resolve, reject);
  }).finally(() => clearTimeout(timer));
}
