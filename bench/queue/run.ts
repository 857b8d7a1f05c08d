/**
 * bench/queue: our durable job queue (pg-boss in PostgreSQL, jobs enqueued in a tenant
 * transaction by the app's own enqueue function, worked with the worker's own options and job
 * frame) against the least a PostgreSQL queue does (bench/queue/raw-queue.ts), on a fresh
 * database, with a handler that only notes the time. Enqueue-to-start latency (from the call
 * that enqueues to the handler's start) p50/p99, and jobs per second end to end, for jobs sent
 * one at a time (each after the last finished) and in a burst sent all at once.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { connectDatabase } from '@healthcare/core/db/database';
import { withTenant } from '@healthcare/core/db/with-tenant';
import { startJobClient, stopJobClient } from '@healthcare/core/jobs/job-client';
import { runJob } from '@healthcare/core/jobs/run-job';
import { workerConcurrency, workOptions, workQueues } from '@healthcare/core/jobs/start-job-worker';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { createTestDatabase } from '@healthcare/core/testing/test-database';
import {
  enqueueTranscribeChunk,
  transcribeChunkPayload,
} from '@healthcare/core/transcripts/transcribe-chunk.job';
import { jobQueues } from '@healthcare/core/jobs/job-queues';
import { describeMachine } from '../common/machine';
import { printTable } from '../common/print-table';
import { measureQueue, type QueueFigures, type QueueUnderTest } from './measure-queue';
import { startRawQueue } from './raw-queue';

const oneAtATime = Number(process.env.BENCH_QUEUE_SINGLE ?? 30);
const burst = Number(process.env.BENCH_QUEUE_BURST ?? 100);
const workers = workerConcurrency.chunk;
const poolMax = 10; // the app's pool size in the embedded mode is larger; both sides get the same

const database = await createTestDatabase({ prefix: 'healthcare_bench' });
try {
  const logger = createLogger({ level: 'warn' });
  const handle = connectDatabase(database.appUrl, { poolMax });
  const jobs = await startJobClient(handle.pool, logger, { supervise: false });
  const clinicId = randomUUID();
  const encounterId = randomUUID();
  const ours: QueueUnderTest = {
    send: (seq) =>
      withTenant(handle.db, clinicId, (tx) =>
        enqueueTranscribeChunk(jobs, tx, { clinicId, encounterId, seq }),
      ),
    async work(started) {
      const definition = {
        queue: jobQueues.transcribeChunk.name,
        payload: transcribeChunkPayload,
        handle: async (payload: { seq: number }) => started(payload.seq),
        onFailure: async () => undefined,
      };
      return workQueues(jobs, handle.pool, logger, [
        { queue: definition.queue, concurrency: workers, handler: runJob(definition, logger) },
      ]);
    },
  };
  const raw = await startRawQueue(database.ownerUrl, {
    workers,
    pollSec: workOptions.pollingIntervalSeconds,
    poolMax,
  });
  const baseline: QueueUnderTest = {
    send: (seq) => raw.send({ seq }),
    work: (started) => raw.work(async (data) => started((data as { seq: number }).seq)),
  };

  const results: { name: string; mode: string; figures: QueueFigures }[] = [];
  for (const [mode, count, atOnce] of [
    ['one at a time', oneAtATime, false],
    [`burst of ${burst}`, burst, true],
  ] as const) {
    // The baseline first: ours keeps its workers polling afterwards.
    results.push({
      name: 'raw SKIP LOCKED + NOTIFY',
      mode,
      figures: await measureQueue(baseline, count, atOnce),
    });
    results.push({ name: 'ours: pg-boss', mode, figures: await measureQueue(ours, count, atOnce) });
  }
  await raw.close();
  await stopJobClient(jobs, { graceful: false, timeoutMs: 5_000 });
  await handle.close();

  console.log(
    `bench/queue: ${workers} workers per side (the worker's chunk concurrency), pg-boss polling every ` +
      `${workOptions.pollingIntervalSeconds} s with batches of ${workOptions.batchSize}; both sides wake on NOTIFY and poll as often`,
  );
  console.log(`machine: ${describeMachine()}, load average ${loadavg()[0]!.toFixed(2)} at the end\n`);
  const rows: string[][] = [];
  for (const mode of new Set(results.map((result) => result.mode))) {
    const [base, ourSide] = results.filter((result) => result.mode === mode).map((result) => result.figures);
    const row = (name: string, figures: QueueFigures) => [
      `${name}, ${mode}`,
      String(figures.jobs),
      (figures.p50 * 1000).toFixed(1),
      (figures.p99 * 1000).toFixed(1),
      figures.perSecond.toFixed(1),
    ];
    rows.push(row('raw SKIP LOCKED + NOTIFY (baseline)', base!), row('ours: pg-boss', ourSide!), [
      '  ours / baseline',
      '',
      (ourSide!.p50 / base!.p50).toFixed(1),
      (ourSide!.p99 / base!.p99).toFixed(1),
      (ourSide!.perSecond / base!.perSecond).toFixed(3),
    ]);
  }
  printTable(['case', 'jobs', 'start p50 ms', 'start p99 ms', 'jobs/s'], rows);
  console.log(
    '\nstart: from the enqueue call to the handler starting; jobs/s: jobs over the time from the first enqueue to the last start',
  );
} finally {
  await database.drop();
}
process.exit(0);
