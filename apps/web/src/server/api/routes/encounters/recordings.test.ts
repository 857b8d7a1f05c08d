import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTone, toneFixtures } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

// Small limits so the over-limit cases stay fast; the tone files are below them.
const maxAudioBytes = 600_000;
const maxChunkBytes = 200_000;
const { api, testApp } = useTestApp({
  UPLOAD_MAX_AUDIO_BYTES: String(maxAudioBytes),
  UPLOAD_MAX_CHUNK_BYTES: String(maxChunkBytes),
});

let fixtureDir: string;
const tones = new Map<string, Buffer>();
let shortChunks: Buffer[];

beforeAll(async () => {
  fixtureDir = await mkdtemp(path.join(tmpdir(), 'healthcare-audio-'));
  for (const fixture of toneFixtures) {
    tones.set(
      fixture.name,
      await readFile(await generateTone(fixtureDir, fixture.file, fixture.encoderArgs)),
    );
  }
  shortChunks = await Promise.all(
    [0, 1, 2].map(async (index) =>
      readFile(
        await generateTone(
          fixtureDir,
          `chunk-${index}.webm`,
          ['-c:a', 'libopus', '-b:a', `${24 + index * 8}k`],
          1,
        ),
      ),
    ),
  );
}, 120_000);
afterAll(() => rm(fixtureDir, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function storedObjects(clinicId: string) {
  const objects = [];
  for await (const object of testApp().app.storage.list(`clinics/${clinicId}/`)) objects.push(object);
  return objects;
}

describe('PUT /encounters/{id}/audio', () => {
  it.each(toneFixtures.map((fixture) => [fixture.name, fixture]))(
    'should store a whole %s recording and judge its type by its bytes',
    async (name) => {
      const { token, patientId, session } = await clinicWithPatient(api);
      const encounterId = await createEncounter(api, token, patientId);
      const bytes = tones.get(name)!;
      const response = await putBytes(
        testApp().baseUrl,
        `/api/v1/encounters/${encounterId}/audio`,
        token,
        bytes,
      );
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({
        status: 'transcribing',
        audio: { source: 'upload', bytes: bytes.length, mimeType: expect.stringMatching(/^audio\//) },
      });
      const [object, ...others] = await storedObjects(session.clinic.id);
      expect(others).toEqual([]);
      expect(object?.size).toBe(bytes.length);
      const stored = await testApp().app.storage.get(object!.key);
      const chunks: Buffer[] = [];
      for await (const chunk of stored.body) chunks.push(chunk as Buffer);
      expect(sha256(Buffer.concat(chunks))).toBe(sha256(bytes));
    },
  );

  it('should refuse a text file renamed to .wav with 415 and store nothing', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const text = Buffer.from('Paciente relata dor de cabeça há três dias.\n'.repeat(50));
    const response = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio`,
      token,
      text,
      {
        'content-type': 'audio/wav',
        'x-filename': 'consulta.wav',
      },
    );
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await storedObjects(session.clinic.id)).toEqual([]);
    expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('created');
  });

  it('should answer 413 over the limit, declared or streamed, and store nothing', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const wav = tones.get('WAV')!;
    const oversized = Buffer.concat([wav, Buffer.alloc(maxAudioBytes)]);
    const declared = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio`,
      token,
      oversized,
    );
    expect(declared.status).toBe(413);

    const streamed = await fetch(`${testApp().baseUrl}/api/v1/encounters/${encounterId}/audio`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(oversized.subarray(0, 100_000));
          controller.enqueue(oversized.subarray(100_000));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await storedObjects(session.clinic.id)).toEqual([]);
    expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('created');
  });

  it('should leave nothing behind when the client disconnects mid-upload', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const wav = tones.get('WAV')!;
    const url = new URL(`${testApp().baseUrl}/api/v1/encounters/${encounterId}/audio`);
    await new Promise<void>((resolve) => {
      const request = httpRequest(url, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-length': String(wav.length) },
      });
      request.on('error', () => resolve());
      request.write(wav.subarray(0, 64 * 1024), () => {
        // Half the body is on the wire; then the client vanishes.
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 100);
      });
    });
    await vi.waitFor(async () => {
      expect(await storedObjects(session.clinic.id)).toEqual([]);
    });
    expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('created');
    // And the encounter still takes a complete upload afterwards.
    expect(
      (await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio`, token, wav)).status,
    ).toBe(202);
  });

  it('should refuse a second recording for the same encounter with 409', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const wav = tones.get('WAV')!;
    expect(
      (await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio`, token, wav)).status,
    ).toBe(202);
    expect(
      (await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio`, token, wav)).status,
    ).toBe(409);
    expect(await storedObjects(session.clinic.id)).toHaveLength(1);
  });
});

describe('live chunks', () => {
  const chunkPath = (encounterId: string, seq: number) =>
    `/api/v1/encounters/${encounterId}/audio/chunks/${seq}`;

  it('should store each chunk once, whatever the order and however often it is retried', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const put = (seq: number, bytes: Buffer) =>
      putBytes(testApp().baseUrl, chunkPath(encounterId, seq), token, bytes);

    const second = await put(1, shortChunks[1]!);
    expect(second).toMatchObject({
      status: 202,
      body: { seq: 1, duplicate: false, sha256: sha256(shortChunks[1]!) },
    });
    expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body).toMatchObject({
      status: 'recording',
      audio: { source: 'chunks', chunksReceived: 1 },
    });
    expect((await put(0, shortChunks[0]!)).body.duplicate).toBe(false);
    expect((await put(1, shortChunks[1]!)).body).toMatchObject({ duplicate: true });
    const concurrent = await Promise.all([put(2, shortChunks[2]!), put(2, shortChunks[2]!)]);
    expect(concurrent.map((response) => response.status)).toEqual([202, 202]);
    expect(concurrent.map((response) => response.body.duplicate).sort()).toEqual([false, true]);
    expect(await storedObjects(session.clinic.id)).toHaveLength(3);
  });

  it('should answer 409 for different bytes under a stored chunk number and keep the first', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    expect(
      (await putBytes(testApp().baseUrl, chunkPath(encounterId, 0), token, shortChunks[0]!)).status,
    ).toBe(202);
    const conflicting = await putBytes(testApp().baseUrl, chunkPath(encounterId, 0), token, shortChunks[1]!);
    expect(conflicting.status).toBe(409);
    expect(conflicting.body.seq).toBe(0);
    const objects = await storedObjects(session.clinic.id);
    expect(objects.map((object) => object.size)).toEqual([shortChunks[0]!.length]);
  });

  it('should refuse a chunk that is not audio (415) or is over the chunk limit (413), storing nothing', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const notAudio = await putBytes(
      testApp().baseUrl,
      chunkPath(encounterId, 0),
      token,
      Buffer.from('%PDF-1.4 not audio'),
    );
    expect(notAudio.status).toBe(415);
    const tooLarge = await putBytes(testApp().baseUrl, chunkPath(encounterId, 0), token, tones.get('WAV')!);
    expect(tooLarge.status).toBe(413);
    expect(await storedObjects(session.clinic.id)).toEqual([]);
  });

  it('should list the missing chunks on complete, then complete idempotently', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, chunkPath(encounterId, 0), token, shortChunks[0]!);
    await putBytes(testApp().baseUrl, chunkPath(encounterId, 2), token, shortChunks[2]!);
    const complete = (chunkCount: number) =>
      api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount }, token);

    const gap = await complete(4);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ missingSeqs: [1, 3], unexpectedSeqs: [] });
    expect((await complete(2)).body).toMatchObject({ status: 409, unexpectedSeqs: [2] });

    await putBytes(testApp().baseUrl, chunkPath(encounterId, 1), token, shortChunks[1]!);
    const done = await complete(3);
    expect(done.status).toBe(202);
    expect(done.body).toMatchObject({ status: 'transcribing', audio: { chunkCount: 3, chunksReceived: 3 } });
    expect((await complete(3)).status).toBe(202);
    expect((await complete(4)).status).toBe(409);
  });

  it('should refuse new chunks after complete but accept a retry of a stored one', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, chunkPath(encounterId, 0), token, shortChunks[0]!);
    await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 1 }, token);
    expect(
      (await putBytes(testApp().baseUrl, chunkPath(encounterId, 1), token, shortChunks[1]!)).status,
    ).toBe(409);
    expect(
      (await putBytes(testApp().baseUrl, chunkPath(encounterId, 0), token, shortChunks[0]!)).body.duplicate,
    ).toBe(true);
  });

  it('should not mix chunks with a whole recording', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const withChunks = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, chunkPath(withChunks, 0), token, shortChunks[0]!);
    expect(
      (await putBytes(testApp().baseUrl, `/api/v1/encounters/${withChunks}/audio`, token, tones.get('WAV')!))
        .status,
    ).toBe(409);
    const withUpload = await createEncounter(api, token, patientId);
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${withUpload}/audio`, token, tones.get('WAV')!);
    expect((await putBytes(testApp().baseUrl, chunkPath(withUpload, 0), token, shortChunks[0]!)).status).toBe(
      409,
    );
  });

  it('should answer 404 for a malformed chunk number', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    for (const seq of ['-1', 'abc', '1.5', '99999999']) {
      expect(
        (
          await putBytes(
            testApp().baseUrl,
            `/api/v1/encounters/${encounterId}/audio/chunks/${seq}`,
            token,
            shortChunks[0]!,
          )
        ).status,
      ).toBe(404);
    }
  });
});
