import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUpClinic, strongPassword, type ApiClient } from '../../../testing/api-client';
import { useTestApp } from '../../../testing/start-test-app';

const { api } = useTestApp();

async function addUser(adminToken: string, role: 'clinician' | 'staff' | 'admin' = 'clinician') {
  const email = `${role}-${randomUUID()}@example.test`;
  const created = await api.post(
    '/api/v1/users',
    { name: `User ${role}`, email, password: strongPassword, role },
    adminToken,
  );
  expect(created.status).toBe(201);
  const login = await api.post('/api/v1/auth/login', { email, password: strongPassword });
  return { id: created.body.user.id as string, email, login };
}

const logIn = (client: ApiClient, email: string) =>
  client.post('/api/v1/auth/login', { email, password: strongPassword });

describe('GET /users', () => {
  it('should list the clinic’s users with role and status, and nobody from another clinic', async () => {
    const clinicA = await signUpClinic(api, 'A');
    const clinicB = await signUpClinic(api, 'B');
    const colleague = await addUser(clinicA.token, 'staff');
    await addUser(clinicB.token);
    const response = await api.get('/api/v1/users', clinicA.token);
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(2);
    expect(response.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: clinicA.session.user.id, role: 'admin', active: true }),
        expect.objectContaining({ id: colleague.id, role: 'staff', active: true }),
      ]),
    );
    expect(JSON.stringify(response.body)).not.toContain('password');
  });

  it('should be for admins only', async () => {
    const { token } = await signUpClinic(api);
    const clinician = await addUser(token);
    expect((await api.get('/api/v1/users', clinician.login.body.accessToken)).status).toBe(403);
  });
});

describe('PATCH /users/{id}', () => {
  it('should change a role, end the user’s sessions and audit the change', async () => {
    const { token } = await signUpClinic(api);
    const user = await addUser(token);
    const response = await api.patch(`/api/v1/users/${user.id}`, { role: 'staff' }, token);
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: user.id, role: 'staff', active: true });
    const refresh = await api.post('/api/v1/auth/refresh', { refreshToken: user.login.body.refreshToken });
    expect(refresh.status).toBe(401);
    expect((await logIn(api, user.email)).body.user.role).toBe('staff');
    const audit = await api.get(`/api/v1/audit?action=user.update`, token);
    expect(audit.body.items[0]).toMatchObject({
      resourceId: user.id,
      details: { role: 'staff', active: true },
    });
  });

  it('should deactivate a user so they can no longer sign in, and reactivate them', async () => {
    const { token } = await signUpClinic(api);
    const user = await addUser(token);
    const deactivated = await api.patch(`/api/v1/users/${user.id}`, { active: false }, token);
    expect(deactivated.body.user.active).toBe(false);
    expect((await logIn(api, user.email)).status).toBe(401);
    expect(
      (await api.post('/api/v1/auth/refresh', { refreshToken: user.login.body.refreshToken })).status,
    ).toBe(401);
    expect((await api.patch(`/api/v1/users/${user.id}`, { active: true }, token)).body.user.active).toBe(
      true,
    );
    expect((await logIn(api, user.email)).status).toBe(200);
  });

  it('should not let an admin deactivate themselves or drop their own admin role', async () => {
    const { token, session } = await signUpClinic(api);
    expect((await api.patch(`/api/v1/users/${session.user.id}`, { active: false }, token)).status).toBe(409);
    expect((await api.patch(`/api/v1/users/${session.user.id}`, { role: 'clinician' }, token)).status).toBe(
      409,
    );
  });

  it('should refuse an empty change and an unknown role with field errors', async () => {
    const { token } = await signUpClinic(api);
    const user = await addUser(token);
    const empty = await api.patch(`/api/v1/users/${user.id}`, {}, token);
    expect(empty.status).toBe(400);
    const badRole = await api.patch(`/api/v1/users/${user.id}`, { role: 'owner' }, token);
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].pointer).toBe('/role');
  });

  it('should not let clinic B change or even find clinic A’s user', async () => {
    const clinicA = await signUpClinic(api, 'A');
    const clinicB = await signUpClinic(api, 'B');
    const user = await addUser(clinicA.token);
    expect((await api.patch(`/api/v1/users/${user.id}`, { active: false }, clinicB.token)).status).toBe(404);
    expect((await logIn(api, user.email)).status).toBe(200);
  });

  it('should be for admins only', async () => {
    const { token } = await signUpClinic(api);
    const clinician = await addUser(token);
    const other = await addUser(token);
    const response = await api.patch(
      `/api/v1/users/${other.id}`,
      { role: 'admin' },
      clinician.login.body.accessToken,
    );
    expect(response.status).toBe(403);
  });
});
