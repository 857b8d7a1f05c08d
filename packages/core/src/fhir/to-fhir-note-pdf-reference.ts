import type { encounters } from '../db/schema';
import { notePdfFileName } from '../notes/note-pdf-file-name';
import type { RecordNote } from '../patients/load-patient-record';
import type { FhirContext } from './fhir-context';
import { generatedNarrative, paragraph } from './fhir-narrative';
import { derivedUuid, referenceTo, uuidIdentifier } from './fhir-references';
import type { FhirDocumentReference } from './fhir-types';
import { noteTypeCode } from './note-loinc-codes';

/** The id of a signed note's PDF DocumentReference: derived, since the note's own id is its Composition's. */
export const notePdfReferenceId = (noteId: string) => derivedUuid('note-pdf', noteId);

/**
 * The signed note's PDF, rendered on request by our API. No size: the PDF is rendered when it is
 * downloaded, and addenda change it.
 */
export function toFhirNotePdfReference(
  { note, addenda }: RecordNote,
  encounter: Pick<typeof encounters.$inferSelect, 'id' | 'patientId' | 'clinicId' | 'createdAt'>,
  context: FhirContext,
): FhirDocumentReference {
  if (!note.signedAt || !note.signedBy) throw new Error('only a signed note has a PDF');
  const id = notePdfReferenceId(note.id);
  const date = (addenda.at(-1)?.createdAt ?? note.signedAt).toISOString();
  const title = notePdfFileName(encounter);
  return {
    resourceType: 'DocumentReference',
    id,
    meta: { lastUpdated: date },
    text: generatedNarrative(paragraph(`${title} (application/pdf)`)),
    identifier: [uuidIdentifier(id)],
    status: 'current',
    type: noteTypeCode(note.template),
    subject: referenceTo(context.style, 'Patient', encounter.patientId),
    date,
    author: [referenceTo(context.style, 'Practitioner', note.signedBy)],
    authenticator: referenceTo(context.style, 'Practitioner', note.signedBy),
    custodian: referenceTo(context.style, 'Organization', encounter.clinicId),
    description: title,
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          url: new URL(`encounters/${encounter.id}/note.pdf`, context.apiUrl).toString(),
          title,
          creation: note.signedAt.toISOString(),
        },
      },
    ],
    context: {
      encounter: [referenceTo(context.style, 'Encounter', encounter.id)],
      related: [referenceTo(context.style, 'Composition', note.id)],
    },
  };
}
