import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffMember,
  clinicWithPatient,
  createEncounter,
  putBytes,
} from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

const { api, testApp } = useTestApp();

let scratch: string;
let recording: Buffer;
let chunk: Buffer;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-audio-read-'));
  recording = await readFile(await generateTone(scratch, 'recording.wav', ['-c:a', 'pcm_s16le'], 1));
  chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function getAudio(pathname: string, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${testApp().baseUrl}${pathname}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

async function uploadedRecording() {
  const clinic = await clinicWithPatient(api);
  const encounterId = await createEncounter(api, clinic.token, clinic.patientId);
  const upload = await putBytes(
    testApp().baseUrl,
    `/api/v1/encounters/${encounterId}/audio`,
    clinic.token,
    recording,
  );
  expect(upload.status).toBe(202);
  return { ...clinic, encounterId };
}

describe('GET /encounters/{id}/audio', () => {
  it('should play the whole uploaded recording and audit the read', async () => {
    const { token, encounterId, patientId } = await uploadedRecording();
    const response = await getAudio(`/api/v1/encounters/${encounterId}/audio`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^audio\/(wav|x-wav|wave)/);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.bytes.equals(recording)).toBe(true);
    const audit = await api.get(`/api/v1/audit?action=encounter.audio.read&patientId=${patientId}`, token);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ resourceId: encounterId });
  });

  it('should answer a byte range with 206, so the player can seek', async () => {
    const { token, encounterId } = await uploadedRecording();
    const response = await getAudio(`/api/v1/encounters/${encounterId}/audio`, token, {
      range: 'bytes=100-199',
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 100-199/${recording.length}`);
    expect(response.bytes.equals(recording.subarray(100, 200))).toBe(true);
    const past = await getAudio(`/api/v1/encounters/${encounterId}/audio`, token, {
      range: `bytes=${recording.length}-`,
    });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${recording.length}`);
  });

  it('should say 404 when nothing was uploaded, and keep recordings from staff and other clinics', async () => {
    const { token, encounterId, patientId } = await uploadedRecording();
    const empty = await createEncounter(api, token, patientId);
    expect((await getAudio(`/api/v1/encounters/${empty}/audio`, token)).status).toBe(404);
    const staff = await addStaffMember(api, token, 'staff');
    expect((await getAudio(`/api/v1/encounters/${encounterId}/audio`, staff)).status).toBe(403);
    const other = await clinicWithPatient(api, 'Other');
    expect((await getAudio(`/api/v1/encounters/${encounterId}/audio`, other.token)).status).toBe(404);
  });
});

describe('GET /encounters/{id}/audio/chunks/{seq}', () => {
  it('should play one live chunk, whole or by range, and 404 for a chunk not received', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const put = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/0`,
      token,
      chunk,
    );
    expect(put.status).toBe(202);
    const whole = await getAudio(`/api/v1/encounters/${encounterId}/audio/chunks/0`, token);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/webm');
    expect(whole.bytes.equals(chunk)).toBe(true);
    const part = await getAudio(`/api/v1/encounters/${encounterId}/audio/chunks/0`, token, {
      range: 'bytes=0-9',
    });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(chunk.subarray(0, 10))).toBe(true);
    expect((await getAudio(`/api/v1/encounters/${encounterId}/audio/chunks/1`, token)).status).toBe(404);
    // A live recording has no whole file to play.
    expect((await getAudio(`/api/v1/encounters/${encounterId}/audio`, token)).status).toBe(404);
    const audit = await api.get(`/api/v1/audit?action=encounter.audio.read&patientId=${patientId}`, token);
    expect(audit.body.items.map((item: { details: unknown }) => item.details)).toEqual([
      { seq: 0, rangeStart: 0 },
      { seq: 0 },
    ]);
  });

  it('should keep chunks from another clinic', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, chunk);
    const other = await clinicWithPatient(api, 'Other');
    expect((await getAudio(`/api/v1/encounters/${encounterId}/audio/chunks/0`, other.token)).status).toBe(
      404,
    );
  });
});
