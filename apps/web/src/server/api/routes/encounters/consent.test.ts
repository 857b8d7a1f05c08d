import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

const { api, testApp } = useTestApp();

const wording =
  'Autorizo a gravação e a transcrição desta consulta, que serão usadas apenas para o meu prontuário.';
let scratch: string;
let chunk: Buffer;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-consent-'));
  chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function storedKeys(clinicId: string) {
  const keys: string[] = [];
  for await (const object of testApp().app.storage.list(`clinics/${clinicId}/`)) keys.push(object.key);
  return keys;
}

describe('recording consent', () => {
  it('should refuse a live chunk and a whole recording with 409 until consent is recorded, then accept them', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const live = await createEncounter(api, token, patientId, { consent: false });
    const whole = await createEncounter(api, token, patientId, { consent: false });
    const putChunk = () =>
      putBytes(testApp().baseUrl, `/api/v1/encounters/${live}/audio/chunks/0`, token, chunk);
    const putWhole = () => putBytes(testApp().baseUrl, `/api/v1/encounters/${whole}/audio`, token, chunk);

    for (const refused of [await putChunk(), await putWhole()]) {
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        type: 'urn:healthcare:problem:conflict',
        reason: 'consent_required',
      });
      expect(refused.body.detail).toMatch(/consent/i);
    }
    expect(await storedKeys(session.clinic.id)).toEqual([]);

    for (const encounterId of [live, whole]) {
      const consent = await api.post(`/api/v1/encounters/${encounterId}/consent`, { wording }, token);
      expect(consent.status).toBe(201);
    }
    expect((await putChunk()).status).toBe(202);
    expect((await putWhole()).status).toBe(202);
  });

  it('should show who consented, when, the exact wording and the encounter’s language, and keep the first', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const english = await api.post('/api/v1/encounters', { patientId, language: 'en' }, token);
    const encounterId = english.body.id as string;
    expect(english.body.consent).toBeNull();

    const first = await api.post(`/api/v1/encounters/${encounterId}/consent`, { wording }, token);
    expect(first.status).toBe(201);
    const again = await api.post(
      `/api/v1/encounters/${encounterId}/consent`,
      { wording: 'Some other wording, sent a second time by a retry.' },
      token,
    );
    expect(again.status).toBe(200);

    const shown = await api.get(`/api/v1/encounters/${encounterId}`, token);
    expect(shown.body.consent).toEqual({
      confirmedBy: session.user.id,
      confirmedAt: first.body.consent.confirmedAt,
      wording,
      language: 'en',
    });
    const audit = await api.get(`/api/v1/audit?patientId=${patientId}&action=encounter.consent`, token);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ resourceId: encounterId, details: { language: 'en' } });
  });

  it('should answer 400 with a pointer for missing wording, and 404 to another clinic', async () => {
    const a = await clinicWithPatient(api, 'A');
    const b = await clinicWithPatient(api, 'B');
    const encounterId = await createEncounter(api, a.token, a.patientId, { consent: false });
    const missing = await api.post(`/api/v1/encounters/${encounterId}/consent`, {}, a.token);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].pointer).toBe('/wording');
    expect((await api.post(`/api/v1/encounters/${encounterId}/consent`, { wording }, b.token)).status).toBe(
      404,
    );
    expect((await api.get(`/api/v1/encounters/${encounterId}`, a.token)).body.consent).toBeNull();
  });
});
