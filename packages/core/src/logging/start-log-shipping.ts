import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogShippingConfig } from '../config/config';
import type { LogBatcherStats } from './log-batcher';

export interface LogShipping {
  destination: 'datadog' | 'cloudwatch';
  /** A pino destination: hands each line to the shipping thread and returns at once. */
  stream: { write(line: string): void };
  /** Lines sent and dropped so far, as last reported by the shipping thread. */
  stats(): LogBatcherStats;
  /** Sends what is buffered (or gives up on it, counted) and reports the final figures. */
  flush(): Promise<LogBatcherStats>;
  close(): Promise<void>;
}

/**
 * Log lines to Datadog or CloudWatch from a worker thread. The thread runs our TypeScript through
 * tsx's loader, registered inside it, so it works the same under tsx, tests and production.
 */
export function startLogShipping(config: Exclude<LogShippingConfig, { destination: 'stdout' }>): LogShipping {
  const require = createRequire(import.meta.url);
  // The ESM build of tsx's API (its CommonJS build cannot register the hooks inside a worker).
  const loader = pathToFileURL(
    path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  const entry = new URL('./ship-logs-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true, workerData: config },
  );
  worker.unref();
  let stats: LogBatcherStats = { sent: 0, dropped: { buffer_full: 0, send_failed: 0, too_large: 0 } };
  let pendingLines: string[] = [];
  let scheduled = false;
  let nextDrain = 0;
  const drains = new Map<number, (stats: LogBatcherStats) => void>();
  let failed = false;
  worker.on('message', (message: { stats?: LogBatcherStats; drained?: number }) => {
    if (message.stats) stats = message.stats;
    if (message.drained !== undefined) drains.get(message.drained)?.(stats);
  });
  // A crashed shipping thread must not take the app with it: lines are then counted as dropped.
  worker.on('error', () => {
    failed = true;
    for (const resolve of drains.values()) resolve(stats);
  });

  // Lines written in one tick travel as one message.
  const post = () => {
    scheduled = false;
    if (pendingLines.length === 0) return;
    worker.postMessage({ lines: pendingLines });
    pendingLines = [];
  };

  return {
    destination: config.destination,
    stream: {
      write(line) {
        if (failed) {
          stats.dropped.send_failed += 1;
          return;
        }
        pendingLines.push(line);
        if (!scheduled) {
          scheduled = true;
          setImmediate(post);
        }
      },
    },
    stats: () => stats,
    flush() {
      post();
      if (failed) return Promise.resolve(stats);
      const id = nextDrain++;
      return new Promise((resolve) => {
        drains.set(id, (value) => {
          drains.delete(id);
          resolve(value);
        });
        worker.postMessage({ drain: id });
      });
    },
    async close() {
      await this.flush();
      await worker.terminate();
    },
  };
}
