import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/start-test-app';
import { clinicWithPatient, createEncounter } from '../../../testing/clinic-fixtures';

const { api } = useTestApp();

describe('POST /encounters', () => {
  it('should start an encounter with the default language and template', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const response = await api.post('/api/v1/encounters', { patientId }, token);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.any(String),
      patientId,
      status: 'created',
      language: 'pt-BR',
      template: 'soap',
      failureReason: null,
      audio: { source: null, chunksReceived: 0, chunkCount: null },
      createdAt: expect.any(String),
    });
  });

  it('should accept an explicit language and template and reject unknown ones', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const english = await api.post(
      '/api/v1/encounters',
      { patientId, language: 'en', template: 'psychiatry' },
      token,
    );
    expect(english.body).toMatchObject({ language: 'en', template: 'psychiatry' });
    const bad = await api.post(
      '/api/v1/encounters',
      { patientId, language: 'klingon', template: 'Not a key!', extra: 1 },
      token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/extra',
      '/language',
      '/template',
    ]);
    // Well formed, but no built-in or clinic template has this key.
    const unknown = await api.post('/api/v1/encounters', { patientId, template: 'haiku' }, token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ pointer: '/template', code: 'unknown_template' }),
    ]);
  });

  it('should answer 404 for a patient that does not exist or belongs to another clinic', async () => {
    const clinicA = await clinicWithPatient(api, 'A');
    const clinicB = await clinicWithPatient(api, 'B');
    expect((await api.post('/api/v1/encounters', { patientId: randomUUID() }, clinicA.token)).status).toBe(
      404,
    );
    expect(
      (await api.post('/api/v1/encounters', { patientId: clinicA.patientId }, clinicB.token)).status,
    ).toBe(404);
  });
});

describe('GET /encounters/{id} and /patients/{id}/encounters', () => {
  it('should read one encounter and list a patient’s encounters newest first, in pages', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const ids = [];
    for (let index = 0; index < 3; index += 1) ids.push(await createEncounter(api, token, patientId));
    expect((await api.get(`/api/v1/encounters/${ids[0]}`, token)).body.id).toBe(ids[0]);

    const first = await api.get(`/api/v1/patients/${patientId}/encounters?limit=2`, token);
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    const second = await api.get(
      `/api/v1/patients/${patientId}/encounters?limit=2&cursor=${first.body.nextCursor}`,
      token,
    );
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('should audit reads of encounters against the patient', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId, { consent: false });
    await api.get(`/api/v1/encounters/${encounterId}`, token);
    await api.get(`/api/v1/patients/${patientId}/encounters`, token);
    const audit = await api.get(`/api/v1/audit?patientId=${patientId}`, token);
    expect(audit.body.items.map((item: { action: string }) => item.action).slice(0, 3)).toEqual([
      'encounter.list',
      'encounter.read',
      'encounter.create',
    ]);
  });
});
