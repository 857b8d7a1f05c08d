import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { encounters, noteAddenda, notes, noteVersions } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import { clinicalRoles } from '../users/clinical-roles';
import { requireRole } from '../users/require-role';
import type { FhirComposition } from './fhir-types';
import { toFhirComposition } from './to-fhir-composition';

/**
 * FHIR `Composition/{id}` for one note, with relative references. A draft is not a Composition
 * (it may still change and nobody has attested it), so it is as absent as an unknown id.
 */
export async function getFhirComposition(
  db: Database,
  actor: Actor,
  noteId: string,
  apiUrl: URL,
): Promise<FhirComposition> {
  requireRole(actor, clinicalRoles);
  return withTenant(db, actor.clinicId, async (tx) => {
    const [found] = await tx
      .select({ note: notes, encounter: encounters })
      .from(notes)
      .innerJoin(encounters, eq(encounters.id, notes.encounterId))
      .where(and(eq(notes.id, noteId), eq(notes.clinicId, actor.clinicId)));
    if (!found?.note.signedAt) throw notFound('The signed note');
    const versions = await tx
      .select()
      .from(noteVersions)
      .where(eq(noteVersions.noteId, noteId))
      .orderBy(asc(noteVersions.version));
    const current = versions.find((version) => version.version === found.note.currentVersion);
    if (!current) throw new Error('the note has no current version');
    const addenda = await tx
      .select()
      .from(noteAddenda)
      .where(eq(noteAddenda.noteId, noteId))
      .orderBy(asc(noteAddenda.createdAt), asc(noteAddenda.id));
    await recordAuditEvents(tx, actor, [
      {
        action: 'note.read',
        resourceType: 'note',
        resourceId: noteId,
        patientId: found.encounter.patientId,
        details: { version: found.note.currentVersion, format: 'fhir' },
      },
    ]);
    return toFhirComposition({ note: found.note, current, versions, addenda }, found.encounter, {
      style: 'relative',
      apiUrl,
    });
  });
}
