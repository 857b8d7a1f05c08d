import { randomUUID } from 'node:crypto';
import type { PatientRecord } from '../patients/load-patient-record';
import type { FhirContext } from './fhir-context';
import type { FhirBundle, FhirResource } from './fhir-types';
import { toFhirComposition } from './to-fhir-composition';
import { toFhirDocumentReference } from './to-fhir-document-reference';
import { toFhirEncounter } from './to-fhir-encounter';
import { toFhirNotePdfReference } from './to-fhir-note-pdf-reference';
import { toFhirOrganization } from './to-fhir-organization';
import { toFhirPatient } from './to-fhir-patient';
import { toFhirPractitioner } from './to-fhir-practitioner';

/**
 * The patient's whole record as a `collection` Bundle. Every entry's fullUrl is `urn:uuid:<id>`
 * and every reference uses that form, so the bundle is self-contained: a receiving system can
 * resolve each reference without calling us. Draft notes are left out: only signed text is part
 * of the legal record.
 */
export function buildPatientBundle(
  record: PatientRecord,
  apiUrl: URL,
  now = new Date(),
): { bundle: FhirBundle; counts: Record<string, number> } {
  const context: FhirContext = { style: 'bundle', apiUrl };
  const resources: FhirResource[] = [
    toFhirPatient(record.patient, context),
    toFhirOrganization(record.clinic),
    ...record.people.map(toFhirPractitioner),
  ];
  const encounterById = new Map(record.encounters.map((encounter) => [encounter.id, encounter]));
  const signedNotes = record.notes.filter((entry) => entry.note.signedAt && entry.note.signedBy);
  for (const encounter of record.encounters) {
    const note = record.notes.find((entry) => entry.note.encounterId === encounter.id);
    resources.push(toFhirEncounter(encounter, note?.note.signedAt ?? null, context));
  }
  for (const entry of signedNotes) {
    const encounter = encounterById.get(entry.note.encounterId);
    if (!encounter) continue;
    resources.push(toFhirComposition(entry, encounter, context));
    resources.push(toFhirNotePdfReference(entry, encounter, context));
  }
  resources.push(...record.documents.map((document) => toFhirDocumentReference(document, context)));

  const timestamp = now.toISOString();
  return {
    bundle: {
      resourceType: 'Bundle',
      id: randomUUID(),
      meta: { lastUpdated: timestamp },
      type: 'collection',
      timestamp,
      entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
    },
    counts: {
      encounters: record.encounters.length,
      compositions: signedNotes.length,
      documents: record.documents.length,
    },
  };
}
