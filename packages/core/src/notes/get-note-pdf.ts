import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { clinics, patients, users } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { AppError, notFound } from '../errors/app-error';
import { findEncounter } from '../encounters/find-encounter';
import { requireRole } from '../users/require-role';
import { clinicalRoles } from '../users/clinical-roles';
import { loadNote } from './load-note';
import { notePdfFileName } from './note-pdf-file-name';
import { renderNotePdf } from './render-note-pdf';

/** The signed note of an encounter as a PDF; a draft has no PDF, since it may still change. */
export async function getNotePdf(
  db: Database,
  actor: Actor,
  encounterId: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  requireRole(actor, clinicalRoles);
  const content = await withTenant(db, actor.clinicId, async (tx) => {
    const encounter = await findEncounter(tx, actor.clinicId, encounterId);
    const { note, version, addenda } = await loadNote(tx, encounter.id);
    if (!note.signedAt || !note.signedBy)
      throw new AppError('conflict', 'Only a signed note can be downloaded as a PDF. Sign the note first.');
    const [clinic] = await tx
      .select({ name: clinics.name })
      .from(clinics)
      .where(eq(clinics.id, actor.clinicId));
    const [patient] = await tx.select().from(patients).where(eq(patients.id, encounter.patientId));
    if (!clinic || !patient) throw notFound('The patient');
    const people = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [note.signedBy, ...addenda.map((addendum) => addendum.authorId)]));
    const nameOf = (id: string) => people.find((person) => person.id === id)?.name ?? '—';
    await recordAuditEvents(tx, actor, [
      {
        action: 'note.export',
        resourceType: 'note',
        resourceId: note.id,
        patientId: encounter.patientId,
        details: { version: note.currentVersion, format: 'pdf' },
      },
    ]);
    return {
      clinicName: clinic.name,
      patient: { name: patient.name, birthDate: patient.birthDate, documentId: patient.documentId },
      encounterDate: encounter.createdAt,
      language: encounter.language,
      sections: version.sections.map((section) => ({ title: section.title, items: section.items })),
      signer: nameOf(note.signedBy),
      signedAt: note.signedAt,
      addenda: addenda.map((addendum) => ({
        text: addendum.text,
        author: nameOf(addendum.authorId),
        createdAt: addendum.createdAt,
      })),
    };
  });
  return {
    pdf: await renderNotePdf(content),
    fileName: notePdfFileName({ id: encounterId, createdAt: content.encounterDate }),
  };
}
