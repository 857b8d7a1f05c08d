import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantTransaction } from '../db/database';
import {
  clinics,
  documents,
  encounters,
  noteAddenda,
  notes,
  noteVersions,
  patients,
  transcriptSegments,
  users,
} from '../db/schema';
import { notFound } from '../errors/app-error';

export type PatientRecord = Awaited<ReturnType<typeof loadPatientRecord>>;
export type RecordNote = PatientRecord['notes'][number];

/**
 * Every row of one patient's record, for the FHIR bundle and the data export: the patient,
 * the clinic, encounters, notes with all their versions and addenda, documents and the people
 * who wrote or signed them. Transcripts are heavy and only the export needs them.
 */
export async function loadPatientRecord(
  tx: TenantTransaction,
  clinicId: string,
  patientId: string,
  options: { transcripts?: boolean } = {},
) {
  const [patient] = await tx
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, clinicId)));
  if (!patient) throw notFound('The patient');
  const [clinic] = await tx.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!clinic) throw notFound('The clinic');

  const encounterRows = await tx
    .select()
    .from(encounters)
    .where(and(eq(encounters.clinicId, clinicId), eq(encounters.patientId, patientId)))
    .orderBy(asc(encounters.createdAt), asc(encounters.id));
  const encounterIds = encounterRows.map((row) => row.id);
  const noteRows = encounterIds.length
    ? await tx.select().from(notes).where(inArray(notes.encounterId, encounterIds))
    : [];
  const noteIds = noteRows.map((row) => row.id);
  const versionRows = noteIds.length
    ? await tx
        .select()
        .from(noteVersions)
        .where(inArray(noteVersions.noteId, noteIds))
        .orderBy(asc(noteVersions.version))
    : [];
  const addendumRows = noteIds.length
    ? await tx
        .select()
        .from(noteAddenda)
        .where(inArray(noteAddenda.noteId, noteIds))
        .orderBy(asc(noteAddenda.createdAt), asc(noteAddenda.id))
    : [];
  const segmentRows =
    options.transcripts && encounterIds.length
      ? await tx
          .select()
          .from(transcriptSegments)
          .where(inArray(transcriptSegments.encounterId, encounterIds))
          .orderBy(asc(transcriptSegments.startSec), asc(transcriptSegments.ordinal))
      : [];
  const documentRows = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.clinicId, clinicId), eq(documents.patientId, patientId)))
    .orderBy(asc(documents.createdAt), asc(documents.id));

  const noteList = noteRows.map((note) => {
    const versions = versionRows.filter((version) => version.noteId === note.id);
    const current = versions.find((version) => version.version === note.currentVersion);
    if (!current) throw new Error('a note has no current version');
    return {
      note,
      current,
      versions,
      addenda: addendumRows.filter((addendum) => addendum.noteId === note.id),
    };
  });

  const peopleIds = new Set<string>();
  const addPerson = (id: string | null) => {
    if (id) peopleIds.add(id);
  };
  encounterRows.forEach((row) => addPerson(row.createdBy));
  noteRows.forEach((row) => addPerson(row.signedBy));
  versionRows.forEach((row) => addPerson(row.authorId));
  addendumRows.forEach((row) => addPerson(row.authorId));
  documentRows.forEach((row) => addPerson(row.uploadedBy));
  const people = peopleIds.size
    ? await tx
        .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
        .from(users)
        .where(inArray(users.id, [...peopleIds]))
        .orderBy(asc(users.id))
    : [];

  return {
    clinic,
    patient,
    encounters: encounterRows,
    notes: noteList,
    segments: segmentRows,
    documents: documentRows,
    people,
  };
}
