import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { documents } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { assertPatientInClinic } from '../patients/assert-patient-in-clinic';
import { toDocument, type PatientDocument } from './document-schemas';

export async function listPatientDocuments(
  db: Database,
  actor: Actor,
  patientId: string,
): Promise<{ items: PatientDocument[]; nextCursor: null }> {
  return withTenant(db, actor.clinicId, async (tx) => {
    await assertPatientInClinic(tx, actor.clinicId, patientId);
    const rows = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.clinicId, actor.clinicId), eq(documents.patientId, patientId)))
      .orderBy(desc(documents.createdAt), desc(documents.id));
    await recordAuditEvents(tx, actor, [
      {
        action: 'document.list',
        resourceType: 'patient',
        resourceId: patientId,
        patientId,
        details: { count: rows.length },
      },
    ]);
    return { items: rows.map(toDocument), nextCursor: null };
  });
}
