import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/start-test-app';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as any };
};

describe('health probes', () => {
  it('should report alive on /healthz', async () => {
    testApp = await startTestApp();
    expect(await getJson(`${testApp.baseUrl}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('should report ready with each component when the database and Redis answer', async () => {
    testApp = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:6379' });
    const { status, body } = await getJson(`${testApp.baseUrl}/readyz`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ready',
      components: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('should stay ready but degraded when Redis, a cache, is unreachable', async () => {
    testApp = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    const { status, body } = await getJson(`${testApp.baseUrl}/readyz`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'degraded',
      components: { database: { status: 'up' }, redis: { status: 'down' } },
    });
  });

  it('should report unavailable with 503 when the database cannot be reached', async () => {
    testApp = await startTestApp({ DATABASE_URL: 'postgres://healthcare_app@127.0.0.1:1/nothing' });
    const { status, body } = await getJson(`${testApp.baseUrl}/readyz`);
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'unavailable',
      components: { database: { status: 'down', error: 'unreachable' } },
    });
    // And an API call fails fast with a clear 503, not a hang or a 500.
    const api = await fetch(`${testApp.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.test', password: 'x' }),
    });
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
  });

  it('should stay ready but degraded, naming the component, when the language model cannot be reached', async () => {
    const stt = await startFakeOpenAiSttServer();
    try {
      testApp = await startTestApp({
        STT_PROVIDER: 'openai',
        STT_BASE_URL: stt.baseUrl,
        LLM_PROVIDER: 'openai',
        LLM_BASE_URL: 'http://127.0.0.1:1/v1',
        METRICS_PORT: '0',
      });
      const { status, body } = await getJson(`${testApp.baseUrl}/readyz`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        status: 'degraded',
        components: {
          database: { status: 'up' },
          stt: { status: 'up' },
          llm: { status: 'down', error: 'unreachable' },
          redis: { status: 'not_configured' },
        },
      });
      const metrics = await testApp.app.metrics.registry.metrics();
      expect(metrics).toMatch(/^readiness_status\{component="llm",service="web"\} 0$/m);
      expect(metrics).toMatch(/^readiness_status\{component="stt",service="web"\} 1$/m);
    } finally {
      await stt.close();
    }
  });
});
