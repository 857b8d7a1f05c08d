import type { AddressInfo } from 'node:net';
import { exposedSamples, identifyingLabels } from '@healthcare/core/testing/prometheus-exposition';
import { describe, expect, it } from 'vitest';
import { clinicWithPatient, createEncounter } from '../testing/clinic-fixtures';
import { useTestApp } from '../testing/start-test-app';

const { api, testApp } = useTestApp({ METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' });

async function scrape(): Promise<string> {
  const { port } = testApp().app.metricsServer!.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('metrics port', () => {
  it('should expose HTTP durations by route template, the database pool, job queues and readiness', async () => {
    const { token, patientId } = await clinicWithPatient(api, 'Metrics');
    await createEncounter(api, token, patientId);
    expect((await api.get(`/api/v1/patients/${patientId}`, token)).status).toBe(200);
    await api.get('/readyz');

    const metrics = await scrape();
    expect(metrics).toMatch(
      /^http_request_duration_seconds_count\{service="web",route="\/patients\/\{id\}",method="GET",status="200"\} 1$/m,
    );
    expect(metrics).toMatch(
      /^http_request_duration_seconds_count\{service="web",route="\/readyz",method="GET",status="200"\} 1$/m,
    );
    expect(metrics).toMatch(/^db_pool_connections\{state="idle",service="web"\} \d+$/m);
    expect(metrics).toMatch(/^db_query_duration_seconds_count\{service="web"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^job_queue_depth\{queue="transcribe-chunk",service="web"\} \d+$/m);
    expect(metrics).toMatch(
      /^job_queue_oldest_age_seconds\{queue="generate-note",service="web"\} [\d.e+-]+$/m,
    );
    expect(metrics).toMatch(/^readiness_status\{component="database",service="web"\} 1$/m);
  });

  it('should carry no label whose values are identifiers: no ids, no UUIDs, no raw paths', async () => {
    const { token, patientId, session } = await clinicWithPatient(api, 'Labels');
    const encounterId = await createEncounter(api, token, patientId);
    await api.get(`/api/v1/encounters/${encounterId}`, token);
    await api.get(`/api/v1/patients/${patientId}`, token);
    await api.get(`/api/v1/nothing/${patientId}`, token);

    const exposition = await scrape();
    expect(exposedSamples(exposition).length).toBeGreaterThan(50);
    expect(
      identifyingLabels(exposition, [patientId, encounterId, session.user.id, session.clinic.id]),
    ).toEqual([]);
    // Routes are templates, so the set of route values stays as small as the API.
    const routes = new Set(
      exposedSamples(exposition).flatMap((sample) => (sample.labels.route ? [sample.labels.route] : [])),
    );
    expect([...routes].every((route) => route === 'unmatched' || !/\/[\da-f]{8}/.test(route))).toBe(true);
    expect(routes).toContain('unmatched');
  });
});
