import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { createLogger } from '../logging/create-logger';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { enqueueJob, startJobClient, stopJobClient, type JobClient } from './job-client';
import { jobQueues } from './job-queues';
import { listenForJobWakeUps } from './job-wake-ups';
import { workQueues } from './start-job-worker';

// A database of its own: NOTIFY reaches every listener on a database, and other files enqueue jobs.
let own: TestDatabase;
let database: DatabaseHandle;
let jobs: JobClient;
const logger = createLogger({ level: 'silent' });
const queue = jobQueues.finalizeTranscript.name;

beforeAll(async () => {
  own = await createTestDatabase({ prefix: 'healthcare_wake' });
  database = connectDatabase(own.appUrl, { poolMax: 4 });
  jobs = await startJobClient(database.pool, logger, { supervise: false });
});
afterAll(async () => {
  await stopJobClient(jobs, { graceful: false, timeoutMs: 5_000 });
  await database.close();
  await own.drop();
});

describe('job wake-ups', () => {
  it('should reach listeners when the enqueueing transaction commits, and never for one rolled back', async () => {
    const heard: string[] = [];
    let onHeard: () => void = () => undefined;
    const stop = await listenForJobWakeUps(database.pool.options, logger, (name) => {
      heard.push(name);
      onHeard();
    });
    try {
      await expect(
        withTenant(database.db, randomUUID(), async (tx) => {
          await enqueueJob(jobs, tx, queue, { marker: 'rolled back' });
          throw new Error('the state change failed');
        }),
      ).rejects.toThrow('the state change failed');
      const second = new Promise<void>((resolve) => (onHeard = resolve));
      await withTenant(database.db, randomUUID(), async (tx) => {
        await enqueueJob(jobs, tx, queue, { marker: 'committed' });
        // Queued with the transaction: nothing is delivered before it commits.
        expect(heard).toEqual([]);
      });
      await second;
      // Notifications arrive in commit order, so the rolled-back one would have come first.
      expect(heard).toEqual([queue]);
    } finally {
      await stop();
    }
  });

  it('should start a job at once on a worker whose next poll is far away', async () => {
    // A queue of its own: the first test left a job on the other one.
    const idleQueue = jobQueues.generateNote.name;
    let started: (marker: string) => void = () => undefined;
    const jobStarted = new Promise<string>((resolve) => (started = resolve));
    const stop = await workQueues(
      jobs,
      database.pool,
      logger,
      [
        {
          queue: idleQueue,
          concurrency: 1,
          handler: async (batch) => started((batch[0]!.data as { marker: string }).marker),
        },
      ],
      // Polling alone would start the job only after 10 minutes, far beyond this test's timeout.
      { pollingIntervalSeconds: 600 },
    );
    try {
      // The worker's first fetch found the queue empty; it now sleeps until polled or woken.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await withTenant(database.db, randomUUID(), (tx) =>
        enqueueJob(jobs, tx, idleQueue, { marker: 'woken' }),
      );
      expect(await jobStarted).toBe('woken');
    } finally {
      await stop();
    }
  });
});
