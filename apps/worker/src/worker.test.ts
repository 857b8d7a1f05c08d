import { freePort } from '@healthcare/core/net/free-port';
import { identifyingLabels, seriesValue } from '@healthcare/core/testing/prometheus-exposition';
import { describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../web/src/server/testing/clinic-fixtures';
import { stopWorker, useCluster } from './testing/use-cluster';

const { api, testApp, state, startWorker } = useCluster({ prefix: 'healthcare_cluster', chunkSeconds: 1 });

describe('apps/worker (cluster mode)', () => {
  it('should work the jobs the web replicas enqueue, from a separate process, with metrics that identify no one', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);
    expect((await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.segments).toEqual([]);

    const metricsPort = await freePort();
    const worker = startWorker({ METRICS_PORT: String(metricsPort), METRICS_HOST: '127.0.0.1' });
    try {
      await vi.waitFor(
        async () =>
          expect(
            (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.segments,
          ).toHaveLength(1),
        { timeout: 30_000, interval: 250 },
      );
      // Its metrics: the job and the provider call it made, labelled by bounded sets only.
      const exposition = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(
        seriesValue(exposition, 'job_duration_seconds_count', {
          service: 'worker',
          queue: 'transcribe-chunk',
          outcome: 'completed',
        }),
      ).toBe(1);
      expect(
        seriesValue(exposition, 'stt_request_seconds_count', {
          provider: 'openai',
          model: 'whisper-1',
          outcome: 'ok',
        }),
      ).toBe(1);
      expect(identifyingLabels(exposition, [patientId, encounterId])).toEqual([]);
    } finally {
      await stopWorker(worker);
    }
    // SIGTERM is a clean shutdown: the worker finishes what it holds and exits 0.
    expect(worker.exitCode).toBe(0);
  });
});
