import { createHash, randomUUID } from 'node:crypto';
import { readPdfText } from '@healthcare/core/notes/testing/read-pdf-text';
import { readZipEntries } from '@healthcare/core/testing/read-zip-entries';
import { objectKeys } from '@healthcare/core/uploads/object-keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { addStaffMember, clinicWithPatient } from '../../../testing/clinic-fixtures';
import { examPdf, patientWithRecord } from '../../../testing/patient-record-fixture';
import { useAiPipelineApp } from '../../../testing/use-ai-pipeline-app';

const { api, testApp, state } = useAiPipelineApp();
let record: Awaited<ReturnType<typeof patientWithRecord>>;

beforeAll(async () => {
  record = await patientWithRecord(api, { testApp, state }, 'Clínica Export');
}, 90_000);

const download = (path: string, token: string) =>
  fetch(`${testApp().baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('POST /patients/{id}/export and GET /patients/{id}/exports/{exportId}', () => {
  it('should produce one archive holding the record as JSON, the FHIR bundle, the documents and the signed note PDFs', async () => {
    const created = await api.post(`/api/v1/patients/${record.patientId}/export`, {}, record.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      patientId: record.patientId,
      download: `/api/v1/patients/${record.patientId}/exports/${created.body.id}`,
    });
    expect(created.headers.get('location')).toBe(created.body.download);

    const response = await download(created.body.download, record.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="patient-export-/);
    const archive = Buffer.from(await response.arrayBuffer());
    expect(archive.length).toBe(created.body.bytes);
    expect(createHash('sha256').update(archive).digest('hex')).toBe(created.body.sha256);

    const files = readZipEntries(archive);
    const documentPath = `documents/${record.document.id.slice(0, 8)}-hemograma março.pdf`;
    const notePath = [...files.keys()].find((name) => name.startsWith('notes/'));
    expect([...files.keys()].sort()).toEqual([documentPath, 'fhir-bundle.json', notePath, 'patient.json']);
    expect(notePath).toMatch(new RegExp(`^notes/\\d{4}-\\d{2}-\\d{2}-${record.noteId}\\.pdf$`));

    expect(files.get(documentPath)).toEqual(examPdf);

    const pdfText = readPdfText(files.get(notePath!)!);
    expect(pdfText).toContain('Paciente Clínica Export');
    expect(pdfText).toContain('Paciente relata tosse seca & febre <38 graus há cinco dias.');
    expect(pdfText).toContain('Assinada eletronicamente por Dr. Admin em');
    expect(pdfText).toContain('Retorno em 7 dias.');

    const data = JSON.parse(files.get('patient.json')!.toString('utf8'));
    expect(data).toMatchObject({
      exportId: created.body.id,
      patient: { id: record.patientId, name: 'Paciente Clínica Export', birthDate: '1980-01-01' },
      documents: [{ id: record.document.id, archivePath: documentPath, mimeType: 'application/pdf' }],
    });
    expect(data.encounters.map((encounter: any) => encounter.id)).toEqual([
      record.encounterId,
      record.draftEncounterId,
    ]);
    const [recorded, draft] = data.encounters;
    expect(recorded.transcript.map((segment: any) => segment.text)).toEqual([
      'Paciente relata tosse seca & febre <38 graus há cinco dias.',
    ]);
    expect(recorded.note).toMatchObject({ id: record.noteId, status: 'signed', pdf: notePath });
    expect(recorded.note.versions.length).toBeGreaterThanOrEqual(1);
    expect(recorded.note.versions[0].sections[0].items[0].text).toBe(
      'Paciente relata tosse seca & febre <38 graus há cinco dias.',
    );
    expect(recorded.note.addenda.map((addendum: any) => addendum.text)).toEqual(['Retorno em 7 dias.']);
    expect(draft).toMatchObject({ status: 'created', transcript: [], note: null });

    const bundle = JSON.parse(files.get('fhir-bundle.json')!.toString('utf8'));
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry).toHaveLength(8);
  });

  it('should store the archive under the patient’s object prefix, so erasing the patient erases it', async () => {
    const created = await api.post(`/api/v1/patients/${record.patientId}/export`, {}, record.token);
    const prefix = objectKeys.patient(record.session.clinic.id, record.patientId);
    const keys: string[] = [];
    for await (const object of testApp().app.storage.list(prefix)) keys.push(object.key);
    expect(keys).toContain(`${prefix}exports/${created.body.id}.zip`);
  });

  it('should let a clinician export, refuse staff, and audit the export and its download', async () => {
    const clinician = await addStaffMember(api, record.token, 'clinician');
    const created = await api.post(`/api/v1/patients/${record.patientId}/export`, {}, clinician);
    expect(created.status).toBe(201);
    expect((await download(created.body.download, clinician)).status).toBe(200);

    const staff = await addStaffMember(api, record.token, 'staff');
    expect((await api.post(`/api/v1/patients/${record.patientId}/export`, {}, staff)).status).toBe(403);
    expect((await download(created.body.download, staff)).status).toBe(403);

    const audit = async (action: string) =>
      (await api.get(`/api/v1/audit?action=${action}&patientId=${record.patientId}`, record.token)).body
        .items;
    expect(await audit('export.create')).toContainEqual(
      expect.objectContaining({
        resourceType: 'patient_export',
        resourceId: created.body.id,
        details: { encounters: 2, compositions: 1, documents: 1, notes: 1 },
      }),
    );
    expect(await audit('export.download')).toContainEqual(
      expect.objectContaining({ resourceType: 'patient_export', resourceId: created.body.id }),
    );
  });

  it('should answer 404 to another clinic, and for an export id the patient does not have', async () => {
    const created = await api.post(`/api/v1/patients/${record.patientId}/export`, {}, record.token);
    const other = await clinicWithPatient(api, 'Clínica B');
    expect((await api.post(`/api/v1/patients/${record.patientId}/export`, {}, other.token)).status).toBe(404);
    expect((await download(created.body.download, other.token)).status).toBe(404);
    // The same export id under another patient of the same clinic finds nothing either.
    const sibling = await api.post(
      '/api/v1/patients',
      { name: 'Outra Paciente', birthDate: '1990-02-02', sex: 'female' },
      record.token,
    );
    expect(
      (await download(`/api/v1/patients/${sibling.body.id}/exports/${created.body.id}`, record.token)).status,
    ).toBe(404);
    expect(
      (await download(`/api/v1/patients/${record.patientId}/exports/${randomUUID()}`, record.token)).status,
    ).toBe(404);
  });

  it('should store nothing when a document cannot be read while the archive is written', async () => {
    const { token, patientId, session } = await clinicWithPatient(api, 'Clínica Lost');
    const uploaded = await fetch(`${testApp().baseUrl}/api/v1/patients/${patientId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-filename': 'exam.pdf' },
      body: new Uint8Array(examPdf),
    });
    const documentId = ((await uploaded.json()) as { id: string }).id;
    await testApp().app.storage.delete(objectKeys.document(session.clinic.id, patientId, documentId));

    const created = await api.post(`/api/v1/patients/${patientId}/export`, {}, token);
    expect(created.status).toBe(404);
    expect(created.body.detail).toBe('The file is no longer available.');
    const keys: string[] = [];
    for await (const object of testApp().app.storage.list(objectKeys.patient(session.clinic.id, patientId)))
      keys.push(object.key);
    expect(keys).toEqual([]);
  });
});
