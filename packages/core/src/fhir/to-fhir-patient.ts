import type { patients } from '../db/schema';
import type { FhirContext } from './fhir-context';
import { escapeXhtml, generatedNarrative } from './fhir-narrative';
import { referenceTo, uuidIdentifier } from './fhir-references';
import type { FhirPatient, Identifier } from './fhir-types';

export function toFhirPatient(row: typeof patients.$inferSelect, context: FhirContext): FhirPatient {
  const identifier: Identifier[] = [uuidIdentifier(row.id)];
  // The document's kind (CPF, RG, passport…) is not recorded, so it carries no system.
  if (row.documentId) identifier.push({ use: 'official', type: { text: 'Document' }, value: row.documentId });
  const telecom = [
    ...(row.phone ? [{ system: 'phone' as const, value: row.phone }] : []),
    ...(row.email ? [{ system: 'email' as const, value: row.email }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: { lastUpdated: row.updatedAt.toISOString() },
    text: generatedNarrative(
      `<p>${escapeXhtml(row.name)}, ${escapeXhtml(row.sex)}, ${escapeXhtml(row.birthDate)}</p>`,
    ),
    identifier,
    active: true,
    name: [{ text: row.name }],
    gender: row.sex,
    birthDate: row.birthDate,
    ...(telecom.length ? { telecom } : {}),
    managingOrganization: referenceTo(context.style, 'Organization', row.clinicId),
  };
}
