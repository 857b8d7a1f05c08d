import type { encounters } from '../db/schema';
import type { FhirContext } from './fhir-context';
import { generatedNarrative, paragraph } from './fhir-narrative';
import { referenceTo, uuidIdentifier } from './fhir-references';
import type { FhirEncounter } from './fhir-types';

/**
 * A consultation. It is finished once its note is signed; until then, whatever the pipeline's
 * state (recording, transcribing, failed and awaiting a retry), the visit itself is in progress.
 */
export function toFhirEncounter(
  row: typeof encounters.$inferSelect,
  signedAt: Date | null,
  context: FhirContext,
): FhirEncounter {
  const start = row.createdAt.toISOString();
  return {
    resourceType: 'Encounter',
    id: row.id,
    meta: { lastUpdated: row.updatedAt.toISOString() },
    language: row.language,
    text: generatedNarrative(paragraph(`Encounter ${start}, ${signedAt ? 'finished' : 'in progress'}`)),
    identifier: [uuidIdentifier(row.id)],
    status: signedAt ? 'finished' : 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    subject: referenceTo(context.style, 'Patient', row.patientId),
    ...(row.createdBy
      ? { participant: [{ individual: referenceTo(context.style, 'Practitioner', row.createdBy) }] }
      : {}),
    period: { start, ...(signedAt ? { end: signedAt.toISOString() } : {}) },
    serviceProvider: referenceTo(context.style, 'Organization', row.clinicId),
  };
}
