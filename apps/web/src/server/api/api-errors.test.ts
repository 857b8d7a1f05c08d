import { describe, expect, it } from 'vitest';
import { signUpClinic } from '../testing/api-client';
import { useTestApp } from '../testing/start-test-app';

const { api, testApp } = useTestApp();

const problemShape = {
  type: expect.any(String),
  title: expect.any(String),
  status: expect.any(Number),
  detail: expect.any(String),
};

describe('errors are problem+json everywhere', () => {
  it.each(['/api/v1/nothing-here', '/api/v1', '/api/v2/patients', '/api/v1/patients/extra/segments'])(
    'should answer 404 problem+json for the unknown route %s',
    async (path) => {
      const response = await api.get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ ...problemShape, status: 404 });
    },
  );

  it('should answer 405 with an Allow header for a wrong method', async () => {
    const response = await api.call('PUT', '/api/v1/patients');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(response.body).toMatchObject({ ...problemShape, status: 405 });
    const onItem = await api.call('POST', '/api/v1/patients/00000000-0000-4000-8000-000000000000');
    expect(onItem.status).toBe(405);
    expect(onItem.headers.get('allow')).toBe('DELETE, GET, HEAD, PATCH');
  });

  it('should answer OPTIONS with the allowed methods and no CORS grant', async () => {
    const response = await fetch(`${testApp().baseUrl}/api/v1/patients`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should never expose stack traces, SQL or internals, even for hostile input', async () => {
    const { token } = await signUpClinic(api);
    const hostile = [
      await api.get("/api/v1/patients?q=' OR 1=1; drop table patients; --", token),
      await api.get('/api/v1/patients?limit=1e400', token),
      await api.call('POST', '/api/v1/patients', {
        token,
        rawBody: '\u0000\u0001{',
        headers: { 'content-type': 'application/json' },
      }),
      await api.call('POST', '/api/v1/patients', {
        token,
        rawBody: '\xff\xfe',
        headers: { 'content-type': 'application/json' },
      }),
      await api.post(
        '/api/v1/patients',
        { name: 'x'.repeat(300), birthDate: { $gt: '' }, sex: ['male'] },
        token,
      ),
      await api.post(
        '/api/v1/patients',
        { __proto__: { admin: true }, constructor: { prototype: 1 } },
        token,
      ),
    ];
    for (const response of hostile) {
      expect(response.status).toBeLessThan(500);
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/at .+\.ts:\d+|node_modules|select |insert |postgres|drizzle|stack/i);
    }
  });

  it('should mark every API response as not cacheable and not sniffable', async () => {
    const { token } = await signUpClinic(api);
    for (const response of [await api.get('/api/v1/me', token), await api.get('/api/v1/nope')]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('should answer HEAD like GET, without a body', async () => {
    const { token } = await signUpClinic(api);
    const response = await fetch(`${testApp().baseUrl}/api/v1/me`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
