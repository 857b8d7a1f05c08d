import type { NotePdfContent } from '../notes/render-note-pdf';
import type { PatientRecord } from '../patients/load-patient-record';

/** What the note PDF renderer needs, from rows already loaded for the export. */
export function notePdfContent(
  record: PatientRecord,
  { note, current, addenda }: PatientRecord['notes'][number],
  encounter: PatientRecord['encounters'][number],
): NotePdfContent {
  if (!note.signedAt || !note.signedBy) throw new Error('only a signed note has a PDF');
  const nameOf = (id: string) => record.people.find((person) => person.id === id)?.name ?? '—';
  return {
    clinicName: record.clinic.name,
    patient: {
      name: record.patient.name,
      birthDate: record.patient.birthDate,
      documentId: record.patient.documentId,
    },
    encounterDate: encounter.createdAt,
    language: encounter.language,
    sections: current.sections.map((section) => ({ title: section.title, items: section.items })),
    signer: nameOf(note.signedBy),
    signedAt: note.signedAt,
    addenda: addenda.map((addendum) => ({
      text: addendum.text,
      author: nameOf(addendum.authorId),
      createdAt: addendum.createdAt,
    })),
  };
}
