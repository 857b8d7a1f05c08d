import { describe, expect, it } from 'vitest';
import { signUpClinic } from '../testing/api-client';
import { useTestApp } from '../testing/start-test-app';

const lines: string[] = [];
const { api, testApp } = useTestApp(
  { LOG_LEVEL: 'trace' },
  { logDestination: { write: (line) => lines.push(line) } },
);

describe('logs', () => {
  it('should carry request ids, routes and statuses but no patient data, tokens or query strings', async () => {
    const { token, session } = await signUpClinic(api);
    const patient = {
      name: 'Zuleica Quintanilha',
      birthDate: '1961-07-08',
      sex: 'female',
      documentId: 'ZQ-314159',
      email: 'zuleica@example.test',
    };
    const created = await api.post('/api/v1/patients', patient, token);
    await api.post('/api/v1/patients', patient, token); // 409: the duplicate document is in the database error
    await api.get('/api/v1/patients?q=Zuleica%20Quintanilha', token);
    await api.patch(
      `/api/v1/patients/${created.body.id}`,
      { name: 'Zuleica Q. Souza', birthDate: '2999-01-01' },
      token,
    );
    await api.post('/api/v1/auth/login', { email: session.user.email, password: 'wrong password, logged?' });

    const log = lines.join('');
    expect(log).toContain('"route":"/patients"');
    expect(log).toContain('"status":409');
    expect(log).toMatch(/"requestId":"[\w-]+"/);
    for (const secret of [
      'Zuleica',
      'Quintanilha',
      'ZQ-314159',
      'zuleica@',
      '1961-07-08',
      token,
      'wrong password',
      session.refreshToken,
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });

  it("should take the caller's X-Request-Id, return it, and stamp it with a trace id on the request's lines", async () => {
    const response = await fetch(`${testApp().baseUrl}/api/v1/patients`, {
      headers: { 'x-request-id': 'caller-id-42', traceparent: `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01` },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('caller-id-42');
    const line = lines.map((text) => JSON.parse(text)).find((record) => record.requestId === 'caller-id-42');
    expect(line).toMatchObject({ traceId: 'ab'.repeat(16), route: '/patients', status: 401 });
  });
});
