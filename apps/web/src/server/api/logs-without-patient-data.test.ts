import { describe, expect, it } from 'vitest';
import { signUpClinic } from '../testing/api-client';
import { useTestApp } from '../testing/start-test-app';

const lines: string[] = [];
const { api } = useTestApp({ LOG_LEVEL: 'trace' }, { logDestination: { write: (line) => lines.push(line) } });

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
});
