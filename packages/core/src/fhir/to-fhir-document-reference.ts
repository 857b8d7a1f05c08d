import type { documents } from '../db/schema';
import type { FhirContext } from './fhir-context';
import { generatedNarrative, paragraph } from './fhir-narrative';
import { referenceTo, uuidIdentifier } from './fhir-references';
import type { FhirDocumentReference } from './fhir-types';

/** An uploaded exam result or other file; the attachment points at our authenticated download route. */
export function toFhirDocumentReference(
  row: typeof documents.$inferSelect,
  context: FhirContext,
): FhirDocumentReference {
  const created = row.createdAt.toISOString();
  return {
    resourceType: 'DocumentReference',
    id: row.id,
    meta: { lastUpdated: created },
    text: generatedNarrative(paragraph(`${row.fileName} (${row.mimeType}, ${row.bytes} bytes)`)),
    identifier: [uuidIdentifier(row.id)],
    status: 'current',
    subject: referenceTo(context.style, 'Patient', row.patientId),
    date: created,
    ...(row.uploadedBy ? { author: [referenceTo(context.style, 'Practitioner', row.uploadedBy)] } : {}),
    custodian: referenceTo(context.style, 'Organization', row.clinicId),
    description: row.fileName,
    content: [
      {
        attachment: {
          contentType: row.mimeType,
          url: new URL(`documents/${row.id}/content`, context.apiUrl).toString(),
          size: row.bytes,
          title: row.fileName,
          creation: created,
        },
      },
    ],
  };
}
