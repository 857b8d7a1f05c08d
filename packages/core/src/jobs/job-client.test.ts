import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../db/database';
import { withTenant } from '../db/with-tenant';
import { createLogger } from '../logging/create-logger';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { enqueueJob, startJobClient, stopJobClient, type JobClient } from './job-client';
import { jobQueues, jobSchema } from './job-queues';

// A database of its own: the shared one holds jobs other test files enqueue, which a worker here would take.
let own: TestDatabase;
let database: DatabaseHandle;
let jobs: JobClient;
const queue = jobQueues.transcribeChunk.name;

beforeAll(async () => {
  own = await createTestDatabase({ prefix: 'healthcare_jobs' });
  database = connectDatabase(own.appUrl, { poolMax: 4 });
  jobs = await startJobClient(database.pool, createLogger({ level: 'silent' }), { supervise: false });
});
afterAll(async () => {
  await stopJobClient(jobs, { graceful: false, timeoutMs: 5_000 });
  await database.close();
  await own.drop();
});

async function jobsWithMarker(marker: string) {
  const { rows } = await database.pool.query(
    `select id, data, state from ${jobSchema}.job where name = $1 and data->>'marker' = $2`,
    [queue, marker],
  );
  return rows as { id: string; data: { marker: string }; state: string }[];
}

describe('jobs in PostgreSQL', () => {
  it('should enqueue with the transaction: committed work has its job, rolled-back work has none', async () => {
    const committed = randomUUID();
    const rolledBack = randomUUID();
    const clinicId = randomUUID();
    await withTenant(database.db, clinicId, (tx) => enqueueJob(jobs, tx, queue, { marker: committed }));
    await expect(
      withTenant(database.db, clinicId, async (tx) => {
        await enqueueJob(jobs, tx, queue, { marker: rolledBack });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await jobsWithMarker(committed)).toHaveLength(1);
    expect(await jobsWithMarker(rolledBack)).toEqual([]);
  });

  it('should not enqueue the same work twice while one is pending (singleton key)', async () => {
    const marker = randomUUID();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await withTenant(database.db, randomUUID(), (tx) =>
        enqueueJob(jobs, tx, queue, { marker }, { singletonKey: marker }),
      );
    }
    expect(await jobsWithMarker(marker)).toHaveLength(1);
  });

  it('should deliver the job to a worker running as the application role', async () => {
    const marker = randomUUID();
    const received: string[] = [];
    const workerId = await jobs.work<{ marker: string }>(
      queue,
      { pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (job?.data.marker === marker) received.push(job.data.marker);
      },
    );
    try {
      await withTenant(database.db, randomUUID(), (tx) => enqueueJob(jobs, tx, queue, { marker }));
      await vi.waitFor(() => expect(received).toEqual([marker]), { timeout: 10_000 });
      await vi.waitFor(async () => expect((await jobsWithMarker(marker))[0]?.state).toBe('completed'), {
        timeout: 10_000,
      });
    } finally {
      await jobs.offWork({ id: workerId });
    }
  });
});
