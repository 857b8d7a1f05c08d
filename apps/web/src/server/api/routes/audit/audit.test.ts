import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUpClinic, strongPassword } from '../../../testing/api-client';
import { useTestApp } from '../../../testing/start-test-app';

const { api } = useTestApp();

type AuditItem = {
  action: string;
  patientId: string | null;
  patientPseudonym: string | null;
  actorUserId: string;
  requestId: string;
  ip: string;
  details: Record<string, unknown> | null;
};

async function auditOf(token: string, query = '') {
  const response = await api.get(`/api/v1/audit${query}`, token);
  expect(response.status).toBe(200);
  return response.body.items as AuditItem[];
}

describe('GET /audit', () => {
  it('should record every read and write of a patient, with actor, request id and IP', async () => {
    const { token, session } = await signUpClinic(api);
    const created = await api.post(
      '/api/v1/patients',
      { name: 'Auditada', birthDate: '1960-01-01', sex: 'female' },
      token,
    );
    const patientId = created.body.id;
    const read = await api.get(`/api/v1/patients/${patientId}`, token);
    await api.get('/api/v1/patients', token);
    await api.patch(`/api/v1/patients/${patientId}`, { phone: '11 5555-1234' }, token);
    await api.delete(`/api/v1/patients/${patientId}`, token);

    // Erased: the trail stays, with the patient's id replaced by one pseudonym.
    expect(await auditOf(token, `?patientId=${patientId}`)).toEqual([]);
    const events = (await auditOf(token)).filter((event) => event.patientPseudonym);
    expect(events.map((event) => event.action)).toEqual([
      'patient.delete',
      'patient.update',
      'patient.list',
      'patient.read',
      'patient.create',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({
        patientId: null,
        patientPseudonym: events[0]!.patientPseudonym,
        actorUserId: session.user.id,
        ip: '127.0.0.1',
      });
    }
    expect(events.find((event) => event.action === 'patient.read')?.requestId).toBe(
      read.headers.get('x-request-id'),
    );
  });

  it('should record one event per patient a page lists, each with its own id and the search flag', async () => {
    const { token } = await signUpClinic(api);
    const names = ['Listada Um', 'Listada Dois', 'Listada Três'];
    const ids = await Promise.all(
      names.map(
        async (name) =>
          (await api.post('/api/v1/patients', { name, birthDate: '1970-05-05', sex: 'other' }, token)).body
            .id as string,
      ),
    );
    const page = await api.get('/api/v1/patients?q=listada', token);
    expect(page.body.items).toHaveLength(3);

    const listed = (await auditOf(token)).filter((event) => event.action === 'patient.list');
    expect(listed.map((event) => event.patientId).sort()).toEqual([...ids].sort());
    for (const event of listed) {
      expect(event).toMatchObject({
        details: { search: true },
        requestId: page.headers.get('x-request-id'),
        ip: '127.0.0.1',
      });
    }
  });

  it('should record the patients a page shows and not the one after it, nor any of a page refused', async () => {
    const { token } = await signUpClinic(api);
    for (const name of ['Paginada A', 'Paginada B', 'Paginada C']) {
      await api.post('/api/v1/patients', { name, birthDate: '1970-05-05', sex: 'other' }, token);
    }
    const page = await api.get('/api/v1/patients?limit=2', token);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toBe(page.body.items[1].id);
    const listed = (await auditOf(token)).filter((event) => event.action === 'patient.list');
    expect(listed.map((event) => event.patientId).sort()).toEqual(
      page.body.items.map((item: { id: string }) => item.id).sort(),
    );
    for (const event of listed) expect(event.details).toEqual({ search: false });

    const stale = await api.get(`/api/v1/patients?limit=2&cursor=${randomUUID()}`, token);
    expect(stale.status).toBe(400);
    expect((await auditOf(token)).filter((event) => event.action === 'patient.list')).toHaveLength(2);
  });

  it('should keep the caller’s request id when it is well-formed', async () => {
    const { token } = await signUpClinic(api);
    const created = await api.call('POST', '/api/v1/patients', {
      token,
      body: { name: 'Com Request Id', birthDate: '1960-01-01', sex: 'male' },
      headers: { 'x-request-id': 'trace-abc-123' },
    });
    expect(created.headers.get('x-request-id')).toBe('trace-abc-123');
    expect((await auditOf(token, `?patientId=${created.body.id}`))[0]?.requestId).toBe('trace-abc-123');
  });

  it('should record no patient data, only ids, and which fields changed', async () => {
    const { token } = await signUpClinic(api);
    const created = await api.post(
      '/api/v1/patients',
      { name: 'Nome Sigiloso', birthDate: '1960-01-01', sex: 'male', documentId: 'SIG-999' },
      token,
    );
    await api.patch(`/api/v1/patients/${created.body.id}`, { name: 'Outro Nome Sigiloso' }, token);
    await api.get('/api/v1/patients?q=sigiloso', token);
    const serialized = JSON.stringify(await auditOf(token));
    expect(serialized).not.toMatch(/Sigiloso|sigiloso|SIG-999/);
    expect(serialized).toContain('"fields":"name"');
  });

  it('should roll back the audit row with a write that fails', async () => {
    const { token } = await signUpClinic(api);
    await api.post(
      '/api/v1/patients',
      { name: 'Um', birthDate: '1960-01-01', sex: 'male', documentId: 'DUP-1' },
      token,
    );
    const before = await auditOf(token, '?action=patient.create');
    const duplicate = await api.post(
      '/api/v1/patients',
      { name: 'Dois', birthDate: '1960-01-01', sex: 'male', documentId: 'DUP-1' },
      token,
    );
    expect(duplicate.status).toBe(409);
    expect(await auditOf(token, '?action=patient.create')).toEqual(before);
  });

  it('should page newest first and filter by action', async () => {
    const { token } = await signUpClinic(api);
    for (let index = 0; index < 3; index += 1) {
      await api.post('/api/v1/patients', { name: `P${index}`, birthDate: '1960-01-01', sex: 'male' }, token);
    }
    const first = await api.get('/api/v1/audit?action=patient.create&limit=2', token);
    expect(first.body.items).toHaveLength(2);
    const second = await api.get(
      `/api/v1/audit?action=patient.create&limit=2&cursor=${first.body.nextCursor}`,
      token,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => Number(item.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('should filter by period, actor and a multi-part action, and refuse a malformed date', async () => {
    const { token, session } = await signUpClinic(api);
    const created = await api.post(
      '/api/v1/patients',
      { name: 'Periodo', birthDate: '1960-01-01', sex: 'female' },
      token,
    );
    const patientId = created.body.id;
    const now = Date.now();
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    const within = await auditOf(
      token,
      `?from=${at(now - 60_000)}&to=${at(now + 60_000)}&actorUserId=${session.user.id}&patientId=${patientId}`,
    );
    expect(within.map((event) => event.action)).toEqual(['patient.create']);
    expect(await auditOf(token, `?from=${at(now + 60_000)}`)).toEqual([]);
    expect(await auditOf(token, `?to=${at(now - 3_600_000)}`)).toEqual([]);
    expect(await auditOf(token, '?action=encounter.audio.read')).toEqual([]);
    const malformed = await api.get('/api/v1/audit?from=yesterday', token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].pointer).toBe('/query/from');
  });

  it('should be for admins only', async () => {
    const { token } = await signUpClinic(api);
    const email = `clin-${randomUUID()}@example.test`;
    await api.post(
      '/api/v1/users',
      { name: 'Clin', email, password: strongPassword, role: 'clinician' },
      token,
    );
    const clinician = (await api.post('/api/v1/auth/login', { email, password: strongPassword })).body
      .accessToken;
    expect((await api.get('/api/v1/audit', clinician)).status).toBe(403);
  });

  it("should show clinic B none of clinic A's events, even filtered by A's patient", async () => {
    const clinicA = await signUpClinic(api, 'A');
    const clinicB = await signUpClinic(api, 'B');
    const patient = await api.post(
      '/api/v1/patients',
      { name: 'De A', birthDate: '1960-01-01', sex: 'male' },
      clinicA.token,
    );
    await api.get(`/api/v1/patients/${patient.body.id}`, clinicA.token);
    await api.get(`/api/v1/patients/${patient.body.id}`, clinicB.token);

    expect(await auditOf(clinicB.token, `?patientId=${patient.body.id}`)).toEqual([]);
    const everythingB = await auditOf(clinicB.token);
    expect(everythingB.every((event) => event.actorUserId === clinicB.session.user.id)).toBe(true);
    expect(everythingB.map((event) => event.action)).toEqual(['auth.signup']);
  });
});
