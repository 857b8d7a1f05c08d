import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, signUpClinic, strongPassword, type ApiResult } from '../testing/api-client';
import { addStaffMember, clinicWithPatient, createEncounter } from '../testing/clinic-fixtures';
import { startTestApp, useTestApp, type TestApp } from '../testing/start-test-app';

function expectLimited(response: ApiResult) {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(response.body.detail).toMatch(/Too many requests/);
}

describe('per-address limits on sign-in', () => {
  const { api } = useTestApp({ RATE_LIMIT_AUTH_IP_PER_MINUTE: '3' });

  it('should refuse the fourth sign-in attempt from one address within a minute, and nothing else', async () => {
    const attempts = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      attempts.push(
        await api.post('/api/v1/auth/login', {
          email: `${randomUUID()}@example.test`,
          password: strongPassword,
        }),
      );
    }
    expect(attempts.slice(0, 3).map((response) => response.status)).toEqual([401, 401, 401]);
    expectLimited(attempts[3]!);
    // Ordinary requests from the same address are not part of the sign-in budget.
    expect((await api.get('/api/v1/me')).status).toBe(401);
  });
});

describe('per-user, per-clinic and AI limits', () => {
  // Sign-ups and sign-ins happen first, from the test's own address, under the default budgets.
  const { api } = useTestApp({
    RATE_LIMIT_USER_PER_MINUTE: '6',
    RATE_LIMIT_CLINIC_PER_MINUTE: '12',
    RATE_LIMIT_AI_USER_PER_MINUTE: '2',
  });

  it("should stop one user's flood without touching a colleague", async () => {
    const clinic = await signUpClinic(api);
    const colleague = await addStaffMember(api, clinic.token, 'clinician');
    // addStaffMember spent one of the admin's requests.
    const admin = [];
    for (let request = 0; request < 6; request += 1) admin.push(await api.get('/api/v1/me', clinic.token));
    expect(admin.slice(0, 5).every((response) => response.status === 200)).toBe(true);
    expectLimited(admin[5]!);
    expect((await api.get('/api/v1/me', colleague)).status).toBe(200);
  });

  it('should stop a clinic whose users together spend its budget, and not another clinic', async () => {
    const clinic = await signUpClinic(api);
    const colleagues = [
      await addStaffMember(api, clinic.token, 'clinician'),
      await addStaffMember(api, clinic.token, 'clinician'),
    ];
    // 2 requests by the admin so far; 5 by each colleague brings the clinic to 12.
    for (const token of colleagues) {
      for (let request = 0; request < 5; request += 1) {
        expect((await api.get('/api/v1/me', token)).status).toBe(200);
      }
    }
    expectLimited(await api.get('/api/v1/me', colleagues[0]!));
    expectLimited(await api.get('/api/v1/me', clinic.token));
    const other = await signUpClinic(api);
    expect((await api.get('/api/v1/me', other.token)).status).toBe(200);
  });

  it('should hold AI-heavy requests to a stricter budget than reads', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    // Without the consent step: two requests so far, so the user's budget of 6 outlasts this test.
    const encounterId = await createEncounter(api, token, patientId, { consent: false });
    const retries = [];
    for (let request = 0; request < 3; request += 1) {
      retries.push(await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token));
    }
    // The first two are judged on their merits (nothing failed, so nothing to retry).
    expect(retries.slice(0, 2).map((response) => response.status)).toEqual([409, 409]);
    expectLimited(retries[2]!);
    expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).status).toBe(200);
  });
});

describe('limits across replicas', () => {
  const replicas: TestApp[] = [];
  beforeAll(async () => {
    // Replicas share the signing key, as in a real deployment.
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (let replica = 0; replica < 2; replica += 1) {
      replicas.push(
        await startTestApp({
          REDIS_URL: 'redis://127.0.0.1:6379',
          AUTH_JWT_PRIVATE_KEY: key,
          RATE_LIMIT_USER_PER_MINUTE: '4',
        }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('should share one budget between replicas through Redis', async () => {
    const [first, second] = replicas.map((replica) => apiClient(replica.baseUrl));
    const clinic = await signUpClinic(first!);
    const statuses = [];
    for (let request = 0; request < 5; request += 1) {
      const replica = request % 2 === 0 ? first! : second!;
      statuses.push((await replica.get('/api/v1/me', clinic.token)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
