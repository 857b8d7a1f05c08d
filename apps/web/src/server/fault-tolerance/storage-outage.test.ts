import { createHash } from 'node:crypto';
import { startS3rver, type RunningS3rver } from '@healthcare/core/testing/start-s3rver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clinicWithPatient } from '../testing/clinic-fixtures';
import { useTestApp } from '../testing/start-test-app';

let s3rver: RunningS3rver;
beforeAll(async () => {
  s3rver = await startS3rver();
});
afterAll(() => s3rver?.stop());

const { api, testApp } = useTestApp(() => ({
  // Only one of the two storages may be configured; S3 is the one under test.
  STORAGE_DIR: '',
  S3_BUCKET: s3rver.config.bucket,
  S3_ENDPOINT: s3rver.config.endpoint ?? '',
  S3_FORCE_PATH_STYLE: 'true',
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
}));

const mebibyte = 1024 * 1024;
// Larger than one 5 MiB part, so the upload to S3 is a multipart one already under way when
// the server goes away, not a single PUT sent after the last byte arrived.
const document = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(7 * mebibyte, 'x')]);
const firstPart = document.subarray(0, 6 * mebibyte);
const rest = document.subarray(6 * mebibyte);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('answers 503 when S3 goes away mid-upload, keeps the record intact, and the retry succeeds', async () => {
  const { token, patientId } = await clinicWithPatient(api, 'Storage');
  const patientBefore = await api.get(`/api/v1/patients/${patientId}`, token);
  const url = `${testApp().baseUrl}/api/v1/patients/${patientId}/documents`;
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/pdf',
    'x-filename': 'exame.pdf',
  };

  let sendRest: () => void = () => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(firstPart));
      sendRest = () => {
        controller.enqueue(new Uint8Array(rest));
        controller.close();
      };
    },
  });
  const interrupted = fetch(url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  // The server has begun the multipart upload: the outage now hits an upload in flight.
  while ((await s3rver.pendingMultipartUploads()).length === 0) await pause(20);
  await s3rver.kill();
  sendRest();

  const response = await interrupted;
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await response.json()).toMatchObject({ status: 503, type: expect.stringMatching(/unavailable$/) });

  // Nothing half-made: no document row (which would point at an object that was never stored),
  // and the patient as it was.
  expect((await api.get(`/api/v1/patients/${patientId}/documents`, token)).body).toMatchObject({
    items: [],
  });
  expect(await api.get(`/api/v1/patients/${patientId}`, token)).toMatchObject({
    status: 200,
    body: patientBefore.body,
  });

  await s3rver.restart();
  const retried = await fetch(url, { method: 'POST', headers, body: new Uint8Array(document) });
  expect(retried.status).toBe(201);
  const stored = (await retried.json()) as { id: string; bytes: number; sha256: string };
  expect(stored).toMatchObject({
    bytes: document.length,
    sha256: createHash('sha256').update(document).digest('hex'),
  });
  const listed = await api.get(`/api/v1/patients/${patientId}/documents`, token);
  expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([stored.id]);
}, 60_000);
