import type { users } from '../db/schema';
import { generatedNarrative, paragraph } from './fhir-narrative';
import { uuidIdentifier } from './fhir-references';
import type { FhirPractitioner } from './fhir-types';

/** A user who wrote, signed, recorded or uploaded something in the record. No email: not needed to read it. */
export function toFhirPractitioner(
  person: Pick<typeof users.$inferSelect, 'id' | 'name' | 'disabledAt'>,
): FhirPractitioner {
  return {
    resourceType: 'Practitioner',
    id: person.id,
    text: generatedNarrative(paragraph(person.name)),
    identifier: [uuidIdentifier(person.id)],
    active: person.disabledAt === null,
    name: [{ text: person.name }],
  };
}
