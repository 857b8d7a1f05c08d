import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../testing/clinic-fixtures';
import { useTestApp } from '../../testing/start-test-app';

const { api, testApp } = useTestApp();
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
let chunk: Buffer;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-tenant-'));
  chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function objectsOf(clinicId: string) {
  const keys: string[] = [];
  for await (const object of testApp().app.storage.list(`clinics/${clinicId}/`)) keys.push(object.key);
  return keys.sort();
}

/** Clinic A with a patient, a live encounter with one chunk, an uploaded recording and a document. */
async function clinicWithRecords() {
  const clinic = await clinicWithPatient(api, 'A');
  const live = await createEncounter(api, clinic.token, clinic.patientId);
  await putBytes(testApp().baseUrl, `/api/v1/encounters/${live}/audio/chunks/0`, clinic.token, chunk);
  const uploaded = await createEncounter(api, clinic.token, clinic.patientId);
  await putBytes(testApp().baseUrl, `/api/v1/encounters/${uploaded}/audio`, clinic.token, chunk);
  const document = await fetch(`${testApp().baseUrl}/api/v1/patients/${clinic.patientId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${clinic.token}`, 'x-filename': 'laudo.pdf' },
    body: new Uint8Array(pdf),
  }).then((response) => response.json() as Promise<{ id: string }>);
  return { ...clinic, live, uploaded, documentId: document.id };
}

describe("another clinic's encounters, chunks and documents", () => {
  it('should be a 404 on every route, with nothing read or changed', async () => {
    const a = await clinicWithRecords();
    const b = await clinicWithPatient(api, 'B');
    const before = {
      objects: await objectsOf(a.session.clinic.id),
      live: (await api.get(`/api/v1/encounters/${a.live}`, a.token)).body,
    };

    const attempts = [
      await api.get(`/api/v1/encounters/${a.live}`, b.token),
      await api.get(`/api/v1/patients/${a.patientId}/encounters`, b.token),
      await api.post('/api/v1/encounters', { patientId: a.patientId }, b.token),
      await putBytes(testApp().baseUrl, `/api/v1/encounters/${a.live}/audio`, b.token, chunk),
      await putBytes(testApp().baseUrl, `/api/v1/encounters/${a.live}/audio/chunks/0`, b.token, chunk),
      await putBytes(testApp().baseUrl, `/api/v1/encounters/${a.live}/audio/chunks/1`, b.token, chunk),
      await api.post(`/api/v1/encounters/${a.live}/audio/complete`, { chunkCount: 1 }, b.token),
      await api.get(`/api/v1/patients/${a.patientId}/documents`, b.token),
      await api.get(`/api/v1/documents/${a.documentId}/content`, b.token),
      await fetch(`${testApp().baseUrl}/api/v1/patients/${a.patientId}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${b.token}`, 'x-filename': 'x.pdf' },
        body: new Uint8Array(pdf),
      }).then((response) => ({ status: response.status })),
      await api.delete(`/api/v1/patients/${a.patientId}`, b.token),
    ];
    expect(attempts.map((attempt) => attempt.status)).toEqual(Array(attempts.length).fill(404));

    expect(await objectsOf(a.session.clinic.id)).toEqual(before.objects);
    expect(await objectsOf(b.session.clinic.id)).toEqual([]);
    expect((await api.get(`/api/v1/encounters/${a.live}`, a.token)).body).toEqual(before.live);
    const auditOfB = await api.get(`/api/v1/audit?patientId=${a.patientId}`, b.token);
    expect(auditOfB.body.items).toEqual([]);
  });
});

describe('DELETE /patients/{id}', () => {
  it('should erase the patient’s encounters, chunks, documents and every stored object', async () => {
    const a = await clinicWithRecords();
    const other = await api.post(
      '/api/v1/patients',
      { name: 'Outra', birthDate: '1990-01-01', sex: 'male' },
      a.token,
    );
    const otherEncounter = await createEncounter(api, a.token, other.body.id);
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${otherEncounter}/audio`, a.token, chunk);
    expect((await objectsOf(a.session.clinic.id)).length).toBe(4);

    expect((await api.delete(`/api/v1/patients/${a.patientId}`, a.token)).status).toBe(204);
    expect((await api.get(`/api/v1/encounters/${a.live}`, a.token)).status).toBe(404);
    expect((await api.get(`/api/v1/documents/${a.documentId}/content`, a.token)).status).toBe(404);
    const remaining = await objectsOf(a.session.clinic.id);
    expect(remaining).toHaveLength(1);
    expect(remaining[0]).toContain(`/patients/${other.body.id}/`);
  });
});
