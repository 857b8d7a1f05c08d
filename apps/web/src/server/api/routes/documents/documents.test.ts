import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findFfmpeg } from '@healthcare/core/media/find-ffmpeg';
import { signLocalDownloadToken } from '@healthcare/core/storage/local-download-token';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWithPatient } from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

const maxDocumentBytes = 100_000;
const { api, testApp } = useTestApp({ UPLOAD_MAX_DOCUMENT_BYTES: String(maxDocumentBytes) });

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const images = new Map<string, Buffer>();
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-docs-'));
  for (const extension of ['png', 'jpg', 'webp']) {
    const file = path.join(scratch, `exam.${extension}`);
    await promisify(execFile)(await findFfmpeg(), [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'color=c=red:s=8x8',
      '-frames:v',
      '1',
      '-y',
      file,
    ]);
    images.set(extension, await readFile(file));
  }
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function uploadRaw(
  token: string,
  patientId: string,
  bytes: Buffer,
  fileName?: string,
  contentType = 'application/octet-stream',
) {
  const response = await fetch(`${testApp().baseUrl}/api/v1/patients/${patientId}/documents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': contentType,
      ...(fileName === undefined ? {} : { 'x-filename': encodeURIComponent(fileName) }),
    },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function download(token: string, documentId: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${testApp().baseUrl}/api/v1/documents/${documentId}/content`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe('POST /patients/{id}/documents', () => {
  it.each([
    ['a PDF', () => pdf, 'laudo.pdf', 'application/pdf'],
    ['a PNG', () => images.get('png')!, 'raio-x.png', 'image/png'],
    ['a JPEG', () => images.get('jpg')!, 'foto.jpg', 'image/jpeg'],
    ['a WebP', () => images.get('webp')!, 'exame.webp', 'image/webp'],
    [
      'plain text',
      () => Buffer.from('Hemoglobina: 13,5 g/dL\nGlicose: 92 mg/dL\n'),
      'resultado.txt',
      'text/plain; charset=utf-8',
    ],
  ])('should store %s, list it and serve it back byte for byte', async (_, bytes, fileName, mimeType) => {
    const { token, patientId } = await clinicWithPatient(api);
    const created = await uploadRaw(token, patientId, bytes(), fileName);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ patientId, fileName, mimeType, bytes: bytes().length });
    const listed = await api.get(`/api/v1/patients/${patientId}/documents`, token);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    const served = await download(token, created.body.id);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(bytes())).toBe(true);
    expect(served.headers.get('content-type')).toBe(mimeType);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
  });

  it('should accept a multipart upload with the name from the form', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const form = new FormData();
    form.append('note', 'ignored');
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'Hemograma Março.pdf');
    const response = await fetch(`${testApp().baseUrl}/api/v1/patients/${patientId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      fileName: 'Hemograma Março.pdf',
      mimeType: 'application/pdf',
      bytes: pdf.length,
    });
  });

  it('should refuse a multipart body without a "file" field', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const form = new FormData();
    form.append('document', new Blob([new Uint8Array(pdf)]), 'x.pdf');
    const response = await fetch(`${testApp().baseUrl}/api/v1/patients/${patientId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ['a ZIP archive', Buffer.from('504b0304140000000800', 'hex')],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])],
    ['random binary', Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 7919) % 256))],
  ])('should refuse %s with 415 and store nothing', async (_, bytes) => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const response = await uploadRaw(token, patientId, bytes, 'laudo.pdf', 'application/pdf');
    expect(response.status).toBe(415);
    expect((await api.get(`/api/v1/patients/${patientId}/documents`, token)).body.items).toEqual([]);
    const objects = [];
    for await (const object of testApp().app.storage.list(`clinics/${session.clinic.id}/`))
      objects.push(object);
    expect(objects).toEqual([]);
  });

  it('should refuse a document over the limit with 413 and store nothing', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const large = Buffer.concat([pdf, Buffer.alloc(maxDocumentBytes)]);
    expect((await uploadRaw(token, patientId, large, 'big.pdf')).status).toBe(413);
    expect((await api.get(`/api/v1/patients/${patientId}/documents`, token)).body.items).toEqual([]);
  });

  it('should serve an HTML file only as inert plain text', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const created = await uploadRaw(token, patientId, html, 'page.html', 'text/html');
    expect(created.body).toMatchObject({ mimeType: 'text/plain; charset=utf-8', fileName: 'page.html.txt' });
    const served = await download(token, created.body.id, {});
    expect(served.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(served.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\ana\\laudo.pdf', 'laudo.pdf'],
    ['exame\u202Efdp.exe', 'examefdp.exe.pdf'],
    ['nome\u0000com\u0007controle.pdf', 'nomecomcontrole.pdf'],
    ['...', 'document.pdf'],
  ])('should neutralise the file name %j', async (raw, expected) => {
    const { token, patientId } = await clinicWithPatient(api);
    const created = await uploadRaw(token, patientId, pdf, raw);
    expect(created.body.fileName).toBe(expected);
    const served = await download(token, created.body.id);
    const disposition = served.headers.get('content-disposition') ?? '';
    expect(
      [...disposition].some((character) => character.charCodeAt(0) < 0x20 || character === '\u202e'),
    ).toBe(false);
  });
});

describe('GET /documents/{id}/content ranges', () => {
  it('should serve one byte range with 206 and refuse a range past the end with 416', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const created = await uploadRaw(token, patientId, pdf, 'laudo.pdf');
    const partial = await download(token, created.body.id, { range: 'bytes=5-12' });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 5-12/${pdf.length}`);
    expect(partial.bytes.equals(pdf.subarray(5, 13))).toBe(true);
    const suffix = await download(token, created.body.id, { range: 'bytes=-6' });
    expect(suffix.bytes.equals(pdf.subarray(pdf.length - 6))).toBe(true);
    const beyond = await download(token, created.body.id, { range: `bytes=${pdf.length + 10}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${pdf.length}`);
    const malformed = await download(token, created.body.id, { range: 'bytes=abc' });
    expect(malformed.status).toBe(200);
  });

  it('should audit each download against the patient', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const created = await uploadRaw(token, patientId, pdf, 'laudo.pdf');
    await download(token, created.body.id);
    const audit = await api.get(`/api/v1/audit?patientId=${patientId}&action=document.read`, token);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].resourceId).toBe(created.body.id);
  });
});

describe('GET /files/{token} (local storage download links)', () => {
  it('should serve an object through a signed link and refuse tampered or expired links', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    await uploadRaw(token, patientId, pdf, 'laudo.pdf');
    const [object] = await listObjects(session.clinic.id);
    const link = await testApp().app.storage.downloadUrl(object!.key, {
      fileName: 'laudo.pdf',
      contentType: 'application/pdf',
    });
    expect(link).toMatch(/^\/api\/v1\/files\//);

    const served = await fetch(`${testApp().baseUrl}${link}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    expect(served.headers.get('content-disposition')).toMatch(/^attachment; filename="laudo.pdf"/);

    const tampered = link.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect((await fetch(`${testApp().baseUrl}${tampered}`)).status).toBe(404);
    const expired = signLocalDownloadToken(
      testApp().app.downloadSigningSecret,
      { key: object!.key, fileName: undefined, contentType: undefined },
      Math.floor(Date.now() / 1000) - 1,
    );
    expect((await fetch(`${testApp().baseUrl}/api/v1/files/${expired}`)).status).toBe(404);
    const otherSecret = signLocalDownloadToken(
      'x'.repeat(43),
      { key: object!.key, fileName: undefined, contentType: undefined },
      Math.floor(Date.now() / 1000) + 60,
    );
    expect((await fetch(`${testApp().baseUrl}/api/v1/files/${otherSecret}`)).status).toBe(404);
  });
});

async function listObjects(clinicId: string) {
  const objects = [];
  for await (const object of testApp().app.storage.list(`clinics/${clinicId}/`)) objects.push(object);
  return objects;
}
