import { startFakeDatadogIntake } from '@healthcare/core/testing/fake-datadog-intake';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signUpClinic } from '../testing/api-client';
import { useTestApp } from '../testing/start-test-app';

let intake: Awaited<ReturnType<typeof startFakeDatadogIntake>>;
beforeAll(async () => {
  intake = await startFakeDatadogIntake({ apiKey: 'test-dd-key' });
});
afterAll(() => intake.close());

const { api, testApp } = useTestApp(() => ({
  LOG_LEVEL: 'info',
  LOG_DESTINATION: 'datadog',
  DATADOG_API_KEY: 'test-dd-key',
  DATADOG_LOGS_URL: intake.url,
  // Small, so that a destination that is down fills it quickly.
  LOG_BUFFER_MAX_LINES: '30',
  METRICS_PORT: '0',
  METRICS_HOST: '127.0.0.1',
}));

const planted = { name: 'Xochitl Vandersteen', documentId: 'XV-271828', email: 'xochitl@example.test' };

describe('logs shipped to Datadog from the app', () => {
  it('should arrive with request ids, and without the patient data of the requests', async () => {
    const { token } = await signUpClinic(api);
    const created = await api.post(
      '/api/v1/patients',
      { ...planted, birthDate: '1970-03-04', sex: 'male' },
      token,
    );
    expect(created.status).toBe(201);
    const requestId = created.headers.get('x-request-id');
    await api.get(`/api/v1/patients?q=${encodeURIComponent(planted.name)}`, token);

    await vi.waitFor(() => expect(intake.lines().some((line) => line.requestId === requestId)).toBe(true), {
      timeout: 20_000,
      interval: 200,
    });
    const line = intake.lines().find((record) => record.requestId === requestId);
    expect(line).toMatchObject({
      route: '/patients',
      method: 'POST',
      status: 201,
      traceId: expect.any(String),
    });
    expect(intake.requests[0]!.headers['dd-api-key']).toBe('test-dd-key');
    const everything = JSON.stringify(intake.requests.map((request) => request.entries));
    for (const secret of [planted.name, 'Xochitl', 'Vandersteen', planted.documentId, planted.email, token]) {
      expect(everything, secret).not.toContain(secret);
    }
  });

  it('should keep answering while Datadog is down, counting the lines it drops', async () => {
    intake.failWith(503);
    try {
      // Each API request writes a line: more than the buffer holds.
      for (let index = 0; index < 80; index += 1) expect((await api.get('/api/v1/nothing')).status).toBe(404);
      const { token } = await signUpClinic(api);
      expect((await api.get('/api/v1/patients', token)).status).toBe(200);

      const { port } = testApp().app.metricsServer!.address() as { port: number };
      await vi.waitFor(
        async () => {
          const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
          const dropped = [...metrics.matchAll(/^log_shipping_dropped_total\{[^}]*\} (\d+)$/gm)].reduce(
            (sum, match) => sum + Number(match[1]),
            0,
          );
          expect(dropped).toBeGreaterThan(0);
        },
        { timeout: 20_000, interval: 250 },
      );
    } finally {
      intake.failWith(undefined);
    }
  });
});
