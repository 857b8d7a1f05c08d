import { randomUUID } from 'node:crypto';
import { createFhirR4Validator } from '@healthcare/core/fhir/testing/fhir-r4-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { addStaffMember, clinicWithPatient } from '../../../testing/clinic-fixtures';
import { patientWithRecord } from '../../../testing/patient-record-fixture';
import { useAiPipelineApp } from '../../../testing/use-ai-pipeline-app';

const { api, testApp, state } = useAiPipelineApp();
let fhir: ReturnType<typeof createFhirR4Validator>;
let record: Awaited<ReturnType<typeof patientWithRecord>>;

beforeAll(async () => {
  fhir = createFhirR4Validator();
  record = await patientWithRecord(api, { testApp, state }, 'Clínica FHIR');
}, 90_000);

/** Every `reference` anywhere inside the value. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'reference' && typeof inner === 'string' ? [inner] : referencesIn(inner),
  );
}

const everything = (patientId: string, token: string) =>
  api.get(`/api/v1/fhir/Patient/${patientId}/$everything`, token);

describe('GET /fhir/Patient/{id}/$everything', () => {
  it('should return a FHIR R4 bundle whose every resource validates against the R4 schema', async () => {
    const response = await everything(record.patientId, record.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    const bundle = response.body;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(fhir.errorsOf(bundle)).toEqual([]);
    for (const entry of bundle.entry) {
      expect(fhir.errorsOf(entry.resource), entry.resource.resourceType).toEqual([]);
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
    }
    const types = bundle.entry.map((entry: any) => entry.resource.resourceType).sort();
    expect(types).toEqual([
      'Composition',
      'DocumentReference',
      'DocumentReference',
      'Encounter',
      'Encounter',
      'Organization',
      'Patient',
      'Practitioner',
    ]);
  });

  it('should catch what the R4 schema forbids, so a pass means something', () => {
    const errors = fhir.errorsOf({ resourceType: 'Composition', status: 'draft', invented: true } as never);
    expect(errors.map((error) => error.keyword).sort()).toEqual(
      expect.arrayContaining(['additionalProperties', 'enum', 'required']),
    );
  });

  it('should resolve every reference to an entry of the bundle', async () => {
    const bundle = (await everything(record.patientId, record.token)).body;
    const fullUrls = bundle.entry.map((entry: any) => entry.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    const references = referencesIn(bundle.entry);
    expect(references.length).toBeGreaterThan(10);
    for (const reference of references) expect(fullUrls, reference).toContain(reference);
  });

  it('should map the signed note to a Composition with LOINC-coded sections, escaped narrative and its addendum', async () => {
    const bundle = (await everything(record.patientId, record.token)).body;
    const resources = bundle.entry.map((entry: any) => entry.resource);
    const composition = resources.find((resource: any) => resource.resourceType === 'Composition');
    expect(composition).toMatchObject({
      id: record.noteId,
      status: 'amended',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] },
      subject: { reference: `urn:uuid:${record.patientId}` },
      encounter: { reference: `urn:uuid:${record.encounterId}` },
      attester: [{ mode: 'legal', party: { reference: `urn:uuid:${record.session.user.id}` } }],
    });
    const codes = composition.section.map((section: any) => section.code?.coding[0].code ?? null);
    expect(codes).toEqual(['61150-9', '61149-1', '51848-0', '18776-5', null]);
    expect(composition.section[0].text.div).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml"><ul><li>Paciente relata tosse seca &amp; febre &lt;38 graus há cinco dias.</li></ul></div>',
    );
    expect(composition.section[4].text.div).toContain('Retorno em 7 dias.');

    const encounters = resources.filter((resource: any) => resource.resourceType === 'Encounter');
    expect(encounters.map((encounter: any) => [encounter.id, encounter.status])).toEqual([
      [record.encounterId, 'finished'],
      [record.draftEncounterId, 'in-progress'],
    ]);
    const documents = resources.filter((resource: any) => resource.resourceType === 'DocumentReference');
    expect(documents.map((document: any) => document.content[0].attachment)).toEqual([
      expect.objectContaining({
        contentType: 'application/pdf',
        url: `http://localhost:3000/api/v1/encounters/${record.encounterId}/note.pdf`,
      }),
      expect.objectContaining({
        contentType: 'application/pdf',
        url: `http://localhost:3000/api/v1/documents/${record.document.id}/content`,
        title: record.document.fileName,
        size: expect.any(Number),
      }),
    ]);
  });

  it('should audit the read, and answer 404 to another clinic and 403 to staff', async () => {
    const other = await clinicWithPatient(api, 'Clínica B');
    expect((await everything(record.patientId, other.token)).status).toBe(404);
    expect((await api.get(`/api/v1/fhir/Composition/${record.noteId}`, other.token)).status).toBe(404);
    const staff = await addStaffMember(api, record.token, 'staff');
    expect((await everything(record.patientId, staff)).status).toBe(403);

    const audit = await api.get(
      `/api/v1/audit?action=fhir.everything&patientId=${record.patientId}`,
      record.token,
    );
    expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
    expect(audit.body.items[0]).toMatchObject({
      resourceType: 'patient',
      resourceId: record.patientId,
      details: { encounters: 2, compositions: 1, documents: 1 },
    });
  });
});

describe('GET /fhir/Composition/{id}', () => {
  it('should return the signed note as a valid Composition with relative references, audited as a note read', async () => {
    const response = await api.get(`/api/v1/fhir/Composition/${record.noteId}`, record.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(fhir.errorsOf(response.body)).toEqual([]);
    expect(response.body).toMatchObject({
      resourceType: 'Composition',
      id: record.noteId,
      subject: { reference: `Patient/${record.patientId}` },
      encounter: { reference: `Encounter/${record.encounterId}` },
    });
    const audit = await api.get(`/api/v1/audit?action=note.read&patientId=${record.patientId}`, record.token);
    expect(audit.body.items[0]).toMatchObject({ resourceId: record.noteId, details: { format: 'fhir' } });
  });

  it('should answer 404 for an id that is no note', async () => {
    expect((await api.get(`/api/v1/fhir/Composition/${randomUUID()}`, record.token)).status).toBe(404);
  });
});
