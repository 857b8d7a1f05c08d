import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Logger } from '../logging/create-logger';
import { generateNoteJob } from '../notes/generate-note.job';
import { finalizeTranscriptJob } from '../transcripts/finalize-transcript.job';
import { transcribeChunkJob } from '../transcripts/transcribe-chunk.job';
import { transcribeRecordingJob } from '../transcripts/transcribe-recording.job';
import type { WorkerDependencies } from './worker-dependencies';
import { jobQueues } from './job-queues';
import { listenForJobWakeUps } from './job-wake-ups';
import { purgeExpiredAudioJob, purgeExpiredAudioSchedule } from '../recordings/purge-expired-audio.job';
import type { JobClient } from './job-client';
import { runJob, type JobDefinition } from './run-job';

// Per process: chunks are short and many (two at once keep the transcript live on 2 cores);
// whole recordings are long and already parallel inside the job.
// Notes: one at a time, since an embedded model uses every core.
export const workerConcurrency = { chunk: 2, recording: 1, finalize: 1, note: 1, retention: 1 };
// pollingIntervalSeconds: how often an idle worker looks for work without being woken (a job
// enqueued wakes the workers at once, see job-wake-ups.ts): the safety net, and when delayed
// jobs and retries come due. (bench/queue measures the machinery with these options.)
export const workOptions = { includeMetadata: true, pollingIntervalSeconds: 0.5, batchSize: 1 } as const;

/** Works every queue in this process: inside the app in the embedded mode, in apps/worker in a cluster. */
export async function startJobWorker(
  jobs: JobClient,
  pool: pg.Pool,
  deps: WorkerDependencies,
  logger: Logger,
): Promise<() => Promise<void>> {
  const definitions: [JobDefinition<never>, number][] = [
    [transcribeChunkJob(deps) as JobDefinition<never>, workerConcurrency.chunk],
    [transcribeRecordingJob(deps) as JobDefinition<never>, workerConcurrency.recording],
    [finalizeTranscriptJob(deps) as JobDefinition<never>, workerConcurrency.finalize],
    [generateNoteJob(deps) as JobDefinition<never>, workerConcurrency.note],
    [purgeExpiredAudioJob(deps) as JobDefinition<never>, workerConcurrency.retention],
  ];
  const stopWorkers = await workQueues(
    jobs,
    pool,
    logger,
    definitions.map(([definition, concurrency]) => ({
      queue: definition.queue,
      concurrency,
      handler: runJob(definition, logger, deps.metrics, deps.tracing),
    })),
  );
  // An upsert: every worker registers the same schedule, and pg-boss fires it once per minute
  // slot across all of them.
  await jobs.schedule(jobQueues.purgeExpiredAudio.name, purgeExpiredAudioSchedule, {});
  logger.info(
    { workers: definitions.reduce((sum, [, concurrency]) => sum + concurrency, 0) },
    'job worker started',
  );
  return stopWorkers;
}

/**
 * `concurrency` workers on each queue, woken as soon as a job is enqueued for their queue (in
 * this process or any other on the database), else by polling. Resolves to a function that stops them.
 */
export async function workQueues(
  jobs: JobClient,
  pool: pg.Pool,
  logger: Logger,
  queues: {
    queue: string;
    concurrency: number;
    handler: (batch: PgBoss.JobWithMetadata<unknown>[]) => Promise<void>;
  }[],
  options: { pollingIntervalSeconds?: number } = {},
): Promise<() => Promise<void>> {
  const workerIds = new Map<string, string[]>();
  for (const { queue, concurrency, handler } of queues) {
    const ids: string[] = [];
    for (let index = 0; index < concurrency; index += 1)
      ids.push(await workQueue(jobs, queue, handler, { ...workOptions, ...options }));
    workerIds.set(queue, ids);
  }
  const stopListening = await listenForJobWakeUps(pool.options, logger, (queue) => {
    for (const id of workerIds.get(queue) ?? []) jobs.notifyWorker(id);
  });
  return async () => {
    await stopListening();
    await Promise.all([...workerIds.values()].flat().map((id) => jobs.offWork({ id })));
  };
}

/**
 * One worker on `queue`, with the options every queue uses. pg-boss waits out the polling
 * interval after every fetch, even one that found work, so a worker of short jobs would drain
 * one batch per interval (2 jobs a second); woken after each batch, it goes straight on to the
 * next job while there is work, and polls at the interval only when idle.
 */
async function workQueue(
  jobs: JobClient,
  queue: string,
  handler: (batch: PgBoss.JobWithMetadata<unknown>[]) => Promise<void>,
  options: PgBoss.WorkOptions & { includeMetadata: true },
): Promise<string> {
  let id: string | undefined = undefined;
  id = await jobs.work(queue, options, async (batch) => {
    try {
      await handler(batch);
    } finally {
      if (id) jobs.notifyWorker(id);
    }
  });
  return id;
}
