import { jobQueues, jobSchema } from '@healthcare/core/jobs/job-queues';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../web/src/server/testing/clinic-fixtures';
import { stopWorker, useCluster } from './testing/use-cluster';

const { api, testApp, state, startWorker } = useCluster({
  prefix: 'healthcare_crash',
  chunkSeconds: 3,
  environment: { JOB_MAINTENANCE_INTERVAL_SECONDS: '1' },
  // The production expiry (minutes) is the crash-recovery bound; the test shortens it so that a
  // killed worker's job comes back within seconds. Nothing else about the queue changes.
  async prepareDatabase(database) {
    const owner = new PgBoss({
      connectionString: database.ownerUrl,
      schema: jobSchema,
      migrate: false,
      supervise: false,
      schedule: false,
    });
    owner.on('error', () => undefined);
    await owner.start();
    for (const queue of [jobQueues.transcribeChunk, jobQueues.generateNote]) {
      await owner.updateQueue(queue.name, { ...queue, expireInSeconds: 2, retryDelay: 1 });
    }
    await owner.stop({ graceful: false, wait: true });
  },
});

describe('a worker killed mid-transcription', () => {
  it('should have its job retried by another worker, and the transcript stored exactly once', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    // The first call to speech-to-text hangs: that is where the worker will die.
    state.stt.enqueue({ kind: 'slow', delayMs: 20_000 });
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);

    const doomed = startWorker();
    await vi.waitFor(() => expect(state.stt.requests).toHaveLength(1), { timeout: 30_000, interval: 100 });
    await stopWorker(doomed, 'SIGKILL');

    const survivor = startWorker();
    try {
      const transcript = await vi.waitFor(
        async () => {
          const current = (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;
          expect(current.segments.length).toBeGreaterThan(0);
          return current;
        },
        { timeout: 60_000, interval: 250 },
      );
      expect(
        transcript.segments.map((segment: { start: number; text: string }) => [segment.start, segment.text]),
      ).toEqual([
        [0, 'segment 0'],
        [2, 'segment 1'],
      ]);
      expect(state.stt.requests.length).toBeGreaterThanOrEqual(2);
      // Exactly once in the database too: one row per segment, not one per attempt.
      const client = new pg.Client(state.database.ownerUrl);
      await client.connect();
      const rows = await client.query(
        'select count(*)::int as count from transcript_segments where encounter_id = $1',
        [encounterId],
      );
      await client.end();
      expect(rows.rows[0].count).toBe(2);
    } finally {
      await stopWorker(survivor);
    }
  });
});

describe('a worker killed while the model writes the note', () => {
  it('should have the note written by another worker, exactly once', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);
    expect(
      (await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 1 }, token)).status,
    ).toBe(202);
    // The model's first answer never comes in time: the worker dies waiting for it.
    const before = state.llm.requests.length;
    state.llm.enqueue({ kind: 'slow', delayMs: 20_000 });

    const doomed = startWorker();
    await vi.waitFor(() => expect(state.llm.requests.length).toBe(before + 1), {
      timeout: 30_000,
      interval: 100,
    });
    await stopWorker(doomed, 'SIGKILL');

    const survivor = startWorker();
    try {
      const note = await vi.waitFor(
        async () => {
          const current = await api.get(`/api/v1/encounters/${encounterId}/note`, token);
          expect(current.status).toBe(200);
          return current.body;
        },
        { timeout: 60_000, interval: 250 },
      );
      expect(note.version).toBe(1);
      expect(note.sections[0].items.map((item: { text: string }) => item.text)).toEqual([
        'segment 0',
        'segment 1',
      ]);
      expect(state.llm.requests.length).toBeGreaterThanOrEqual(before + 2);
      const client = new pg.Client(state.database.ownerUrl);
      await client.connect();
      const rows = await client.query(
        'select count(*)::int as count from note_versions v join notes n on n.id = v.note_id where n.encounter_id = $1',
        [encounterId],
      );
      await client.end();
      expect(rows.rows[0].count).toBe(1);
      expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready');
    } finally {
      await stopWorker(survivor);
    }
  });
});
