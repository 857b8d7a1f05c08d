import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUpClinic, strongPassword } from '../../../testing/api-client';
import { useTestApp } from '../../../testing/start-test-app';

const { api, testApp } = useTestApp({ API_MAX_JSON_BYTES: '4096' });

const newPatient = (overrides: Record<string, unknown> = {}) => ({
  name: 'Maria Aparecida',
  birthDate: '1975-06-30',
  sex: 'female',
  ...overrides,
});

async function createPatient(token: string, overrides: Record<string, unknown> = {}) {
  const response = await api.post('/api/v1/patients', newPatient(overrides), token);
  expect(response.status).toBe(201);
  return response.body;
}

async function addUser(adminToken: string, role: 'clinician' | 'staff') {
  const email = `${role}-${randomUUID()}@example.test`;
  await api.post('/api/v1/users', { name: role, email, password: strongPassword, role }, adminToken);
  return (await api.post('/api/v1/auth/login', { email, password: strongPassword })).body
    .accessToken as string;
}

describe('POST /patients', () => {
  it('should create a patient with every field and return it', async () => {
    const { token } = await signUpClinic(api);
    const created = await createPatient(token, {
      documentId: '123.456.789-09',
      phone: '+55 (11) 91234-5678',
      email: 'maria@example.test',
    });
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Maria Aparecida',
      birthDate: '1975-06-30',
      sex: 'female',
      documentId: '123.456.789-09',
      phone: '+55 (11) 91234-5678',
      email: 'maria@example.test',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it.each([
    ['a date that does not exist', { birthDate: '2023-02-30' }, '/birthDate', 'invalid_date'],
    ['a date in the future', { birthDate: '2999-01-01' }, '/birthDate', 'future_date'],
    ['a date in another format', { birthDate: '30/06/1975' }, '/birthDate', 'invalid_format'],
    ['a sex outside the enum', { sex: 'F' }, '/sex', 'invalid_value'],
    ['a malformed email', { email: 'maria@' }, '/email', 'invalid_format'],
    ['a phone with letters', { phone: 'call me' }, '/phone', 'invalid_format'],
    ['a phone too short', { phone: '12345' }, '/phone', 'invalid_phone'],
    ['a number where a name belongs', { name: 42 }, '/name', 'invalid_type'],
    ['an empty name', { name: '   ' }, '/name', 'too_small'],
    ['an unknown field', { bloodType: 'O+' }, '/bloodType', 'unknown_field'],
  ])('should reject %s with 400 naming the field', async (_, overrides, pointer, code) => {
    const { token } = await signUpClinic(api);
    const response = await api.post('/api/v1/patients', newPatient(overrides), token);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ pointer, code })]);
    expect((await api.get('/api/v1/patients', token)).body.items).toEqual([]);
  });

  it('should list every missing field at once', async () => {
    const { token } = await signUpClinic(api);
    const response = await api.post('/api/v1/patients', {}, token);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/birthDate',
      '/name',
      '/sex',
    ]);
    expect(response.body.errors[0].detail).toBe('This field is required.');
  });

  it('should accept a baby born today', async () => {
    const { token } = await signUpClinic(api);
    const today = new Date().toISOString().slice(0, 10);
    expect((await api.post('/api/v1/patients', newPatient({ birthDate: today }), token)).status).toBe(201);
  });

  it('should refuse a second patient with the same document however it is punctuated', async () => {
    const { token } = await signUpClinic(api);
    await createPatient(token, { documentId: '123.456.789-09' });
    const duplicate = await api.post('/api/v1/patients', newPatient({ documentId: '12345678909' }), token);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0]).toMatchObject({ pointer: '/documentId', code: 'duplicate_document' });
  });

  it('should allow the same document number in two different clinics', async () => {
    const clinicA = await signUpClinic(api, 'A');
    const clinicB = await signUpClinic(api, 'B');
    await createPatient(clinicA.token, { documentId: '999.888.777-66' });
    expect(
      (await api.post('/api/v1/patients', newPatient({ documentId: '999.888.777-66' }), clinicB.token))
        .status,
    ).toBe(201);
  });
});

describe('bad request bodies', () => {
  it('should reject malformed JSON with 400 problem+json', async () => {
    const { token } = await signUpClinic(api);
    const response = await api.call('POST', '/api/v1/patients', {
      token,
      rawBody: '{"name": "Maria",',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('The request body is not valid JSON.');
  });

  it('should reject a body that is not JSON with 415', async () => {
    const { token } = await signUpClinic(api);
    const response = await api.call('POST', '/api/v1/patients', {
      token,
      rawBody: 'name=Maria',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
  });

  it('should reject a JSON array or scalar where an object belongs', async () => {
    const { token } = await signUpClinic(api);
    for (const rawBody of ['[1,2]', '"text"', 'null']) {
      const response = await api.call('POST', '/api/v1/patients', {
        token,
        rawBody,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
    }
  });

  it('should reject an oversized body with 413, declared or streamed, and store nothing', async () => {
    const { token } = await signUpClinic(api);
    const huge = newPatient({ name: 'x'.repeat(5000) });
    expect((await api.post('/api/v1/patients', huge, token)).status).toBe(413);

    // No Content-Length: the limit must hold while the body streams in.
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(huge)));
        controller.close();
      },
    });
    const streamed = await fetch(`${testApp().baseUrl}/api/v1/patients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await api.get('/api/v1/patients', token)).body.items).toEqual([]);
  });
});

describe('GET /patients (search and pages)', () => {
  it('should find "João" by typing "joao", ignoring case and accents, and match any word', async () => {
    const { token } = await signUpClinic(api);
    const joao = await createPatient(token, { name: 'João Conceição da Silva' });
    await createPatient(token, { name: 'Pedro Álvares' });
    for (const q of ['joao', 'JOÃO', 'conceicao', 'joao silva', 'silva joao', 'ão']) {
      const response = await api.get(`/api/v1/patients?q=${encodeURIComponent(q)}`, token);
      expect(
        response.body.items.map((patient: { id: string }) => patient.id),
        q,
      ).toEqual([joao.id]);
    }
    expect((await api.get('/api/v1/patients?q=maria', token)).body.items).toEqual([]);
  });

  it('should find a patient by exact document number, with or without punctuation', async () => {
    const { token } = await signUpClinic(api);
    const patient = await createPatient(token, { documentId: '111.222.333-44' });
    for (const q of ['111.222.333-44', '11122233344']) {
      expect(
        (await api.get(`/api/v1/patients?q=${q}`, token)).body.items.map((p: { id: string }) => p.id),
      ).toEqual([patient.id]);
    }
    expect((await api.get('/api/v1/patients?q=1112223334', token)).body.items).toEqual([]);
  });

  it('should treat LIKE wildcards in the search as plain characters', async () => {
    const { token } = await signUpClinic(api);
    await createPatient(token, { name: 'Ana' });
    expect((await api.get('/api/v1/patients?q=%25', token)).body.items).toEqual([]);
    expect((await api.get('/api/v1/patients?q=_', token)).body.items).toEqual([]);
  });

  it('should page through patients in name order with a cursor, each exactly once', async () => {
    const { token } = await signUpClinic(api);
    const names = ['Beatriz', 'Álvaro', 'Carla', 'Diego', 'Eduarda', 'Fábio', 'Gabriela'];
    for (const name of names) await createPatient(token, { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { name: string }[]; nextCursor: string | null } } = await api.get(
        `/api/v1/patients?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        token,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((patient) => patient.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Álvaro', 'Beatriz', 'Carla', 'Diego', 'Eduarda', 'Fábio', 'Gabriela']);
  });

  it('should reject bad query parameters with 400', async () => {
    const { token } = await signUpClinic(api);
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=not-a-uuid', 'sort=name']) {
      const response = await api.get(`/api/v1/patients?${query}`, token);
      expect(response.status, query).toBe(400);
      expect(response.body.errors[0].pointer).toMatch(/^\/query\//);
    }
  });

  it('should refuse a cursor from another clinic', async () => {
    const clinicA = await signUpClinic(api, 'A');
    const clinicB = await signUpClinic(api, 'B');
    const patientOfA = await createPatient(clinicA.token);
    const response = await api.get(`/api/v1/patients?cursor=${patientOfA.id}`, clinicB.token);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].code).toBe('stale_cursor');
  });
});

describe('GET, PATCH, DELETE /patients/{id}', () => {
  it('should read, update and clear fields of a patient', async () => {
    const { token } = await signUpClinic(api);
    const patient = await createPatient(token, { phone: '11 98765-4321', email: 'old@example.test' });
    expect((await api.get(`/api/v1/patients/${patient.id}`, token)).body).toEqual(patient);

    const updated = await api.patch(
      `/api/v1/patients/${patient.id}`,
      { name: 'Maria A. Souza', phone: null },
      token,
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Maria A. Souza', phone: null, email: 'old@example.test' });
    expect(updated.body.updatedAt > patient.updatedAt).toBe(true);
    const found = await api.get('/api/v1/patients?q=souza', token);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([patient.id]);
  });

  it('should reject an empty or invalid patch and change nothing', async () => {
    const { token } = await signUpClinic(api);
    const patient = await createPatient(token);
    expect((await api.patch(`/api/v1/patients/${patient.id}`, {}, token)).status).toBe(400);
    const invalid = await api.patch(
      `/api/v1/patients/${patient.id}`,
      { name: 'Changed', birthDate: '2999-12-31' },
      token,
    );
    expect(invalid.status).toBe(400);
    expect((await api.get(`/api/v1/patients/${patient.id}`, token)).body).toEqual(patient);
  });

  it('should answer 404 for an unknown or malformed id', async () => {
    const { token } = await signUpClinic(api);
    expect((await api.get(`/api/v1/patients/${randomUUID()}`, token)).status).toBe(404);
    expect((await api.get('/api/v1/patients/not-a-uuid', token)).status).toBe(404);
    expect((await api.get("/api/v1/patients/1'%20OR%20'1'='1", token)).status).toBe(404);
  });

  it('should let an admin delete a patient, after which it is gone', async () => {
    const { token } = await signUpClinic(api);
    const patient = await createPatient(token);
    expect((await api.delete(`/api/v1/patients/${patient.id}`, token)).status).toBe(204);
    expect((await api.get(`/api/v1/patients/${patient.id}`, token)).status).toBe(404);
    expect((await api.delete(`/api/v1/patients/${patient.id}`, token)).status).toBe(404);
  });

  it('should let clinicians and staff manage patients but not delete them', async () => {
    const { token: adminToken } = await signUpClinic(api);
    for (const role of ['clinician', 'staff'] as const) {
      const token = await addUser(adminToken, role);
      const patient = await createPatient(token);
      expect((await api.patch(`/api/v1/patients/${patient.id}`, { sex: 'unknown' }, token)).status).toBe(200);
      expect((await api.delete(`/api/v1/patients/${patient.id}`, token)).status).toBe(403);
      expect((await api.get(`/api/v1/patients/${patient.id}`, adminToken)).status).toBe(200);
    }
  });
});

describe('tenant isolation', () => {
  it("should give clinic B a 404 for each of clinic A's patients on GET, PATCH and DELETE, and change nothing", async () => {
    const clinicA = await signUpClinic(api, 'A');
    const clinicB = await signUpClinic(api, 'B');
    const patient = await createPatient(clinicA.token, { name: 'Segredo de A' });

    const get = await api.get(`/api/v1/patients/${patient.id}`, clinicB.token);
    const patch = await api.patch(`/api/v1/patients/${patient.id}`, { name: 'Hijacked' }, clinicB.token);
    const del = await api.delete(`/api/v1/patients/${patient.id}`, clinicB.token);
    for (const response of [get, patch, del]) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('Segredo');
    }
    expect((await api.get(`/api/v1/patients/${patient.id}`, clinicA.token)).body).toEqual(patient);
  });

  it("should never list or find clinic A's patients for clinic B", async () => {
    const clinicA = await signUpClinic(api, 'A');
    const clinicB = await signUpClinic(api, 'B');
    await createPatient(clinicA.token, { name: 'Paciente Exclusivo', documentId: 'EXCL-1' });
    expect((await api.get('/api/v1/patients', clinicB.token)).body.items).toEqual([]);
    expect((await api.get('/api/v1/patients?q=exclusivo', clinicB.token)).body.items).toEqual([]);
    expect((await api.get('/api/v1/patients?q=EXCL-1', clinicB.token)).body.items).toEqual([]);
  });
});
