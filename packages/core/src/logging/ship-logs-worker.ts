import { parentPort, workerData } from 'node:worker_threads';
import type { LogShippingConfig } from '../config/config';
import { createLogBatcher, type LogSink } from './log-batcher';
import { cloudWatchSink } from './send-to-cloudwatch';
import { datadogSink } from './send-to-datadog';

// The worker thread of start-log-shipping: compression, HTTP and retries happen here, so a slow
// destination never costs the event loop that serves requests.
type Shipping = Exclude<LogShippingConfig, { destination: 'stdout' }>;
const config = workerData as Shipping;
const sink: LogSink = config.destination === 'datadog' ? datadogSink(config) : cloudWatchSink(config);
const batcher = createLogBatcher(sink, {
  maxBufferedLines: config.maxBufferedLines,
  flushIntervalMs: 1_000,
  retries: 3,
  retryDelayMs: 250,
});

parentPort?.on('message', (message: { lines?: string[]; drain?: number }) => {
  for (const line of message.lines ?? []) batcher.push(line);
  if (message.drain !== undefined) {
    const id = message.drain;
    void batcher.drain().then(() => parentPort?.postMessage({ drained: id, stats: batcher.stats }));
  }
});
setInterval(() => parentPort?.postMessage({ stats: batcher.stats }), 1_000).unref();
