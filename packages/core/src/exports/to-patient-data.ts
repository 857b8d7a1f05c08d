import { toDocument } from '../documents/document-schemas';
import type { PatientRecord } from '../patients/load-patient-record';
import { toPatient } from '../patients/to-patient';
import { documentArchivePath, notePdfArchivePath } from './archive-paths';

/**
 * `patient.json`: everything we hold about the patient in our own shapes, drafts and every
 * note version included (the FHIR bundle beside it carries only signed notes). LGPD art. 18
 * and HIPAA §164.524 give the patient a copy of all of it, not just the final text.
 */
export function toPatientData(record: PatientRecord, exportInfo: { id: string; createdAt: Date }) {
  return {
    format: 'healthcare-patient-export',
    formatVersion: 1,
    exportId: exportInfo.id,
    exportedAt: exportInfo.createdAt.toISOString(),
    clinic: { id: record.clinic.id, name: record.clinic.name },
    patient: toPatient(record.patient),
    encounters: record.encounters.map((encounter) => {
      const entry = record.notes.find((candidate) => candidate.note.encounterId === encounter.id);
      return {
        id: encounter.id,
        status: encounter.status,
        language: encounter.language,
        template: encounter.template,
        createdBy: encounter.createdBy,
        createdAt: encounter.createdAt.toISOString(),
        audio: {
          source: encounter.audioSource,
          mimeType: encounter.audioMimeType,
          bytes: encounter.audioBytes,
          durationSec: encounter.audioDurationSec,
          completedAt: encounter.audioCompletedAt?.toISOString() ?? null,
        },
        transcript: record.segments
          .filter((segment) => segment.encounterId === encounter.id)
          .map((segment) => ({
            id: segment.id,
            start: segment.startSec,
            end: segment.endSec,
            text: segment.text,
            speaker: segment.speaker,
          })),
        note: entry ? toNoteData(entry, encounter) : null,
      };
    }),
    documents: record.documents.map((document) => ({
      ...toDocument(document),
      archivePath: documentArchivePath(document),
    })),
    people: record.people.map((person) => ({ id: person.id, name: person.name, role: person.role })),
  };
}

function toNoteData(
  { note, versions, addenda }: PatientRecord['notes'][number],
  encounter: PatientRecord['encounters'][number],
) {
  return {
    id: note.id,
    status: note.signedAt ? 'signed' : 'draft',
    template: note.template,
    language: note.language,
    currentVersion: note.currentVersion,
    signedAt: note.signedAt?.toISOString() ?? null,
    signedBy: note.signedBy,
    pdf: note.signedAt ? notePdfArchivePath(note, encounter) : null,
    versions: versions.map((version) => ({
      version: version.version,
      source: version.source,
      authorId: version.authorId,
      model: version.model,
      createdAt: version.createdAt.toISOString(),
      sections: version.sections,
    })),
    addenda: addenda.map((addendum) => ({
      id: addendum.id,
      authorId: addendum.authorId,
      text: addendum.text,
      createdAt: addendum.createdAt.toISOString(),
    })),
  };
}
