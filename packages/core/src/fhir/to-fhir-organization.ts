import type { clinics } from '../db/schema';
import { generatedNarrative, paragraph } from './fhir-narrative';
import { uuidIdentifier } from './fhir-references';
import type { FhirOrganization } from './fhir-types';

/** The clinic: the custodian of every record it keeps. */
export function toFhirOrganization(row: typeof clinics.$inferSelect): FhirOrganization {
  return {
    resourceType: 'Organization',
    id: row.id,
    text: generatedNarrative(paragraph(row.name)),
    identifier: [uuidIdentifier(row.id)],
    active: true,
    name: row.name,
  };
}
