import { describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../web/src/server/testing/clinic-fixtures';
import { stopWorker, useCluster } from './testing/use-cluster';

const { api, testApp, state, startWorker } = useCluster({ prefix: 'healthcare_cluster', chunkSeconds: 1 });

describe('apps/worker (cluster mode)', () => {
  it('should work the jobs the web replicas enqueue, from a separate process', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);
    expect((await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.segments).toEqual([]);

    const worker = startWorker();
    try {
      await vi.waitFor(
        async () =>
          expect(
            (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.segments,
          ).toHaveLength(1),
        { timeout: 30_000, interval: 250 },
      );
    } finally {
      await stopWorker(worker);
    }
    // SIGTERM is a clean shutdown: the worker finishes what it holds and exits 0.
    expect(worker.exitCode).toBe(0);
  });
});
