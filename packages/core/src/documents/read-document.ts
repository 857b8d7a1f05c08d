import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-events';
import type { Database } from '../db/database';
import { documents } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { notFound } from '../errors/app-error';
import type { ObjectStorage } from '../storage/object-storage';
import { toDocument, type PatientDocument } from './document-schemas';

/**
 * A document's bytes, whole or one byte range (`pickRange` sees the size first and may throw to
 * refuse). The read is audited before a byte is sent.
 */
export async function readDocument(
  deps: { db: Database; storage: ObjectStorage },
  actor: Actor,
  documentId: string,
  pickRange: (size: number) => { start: number; end: number } | undefined = () => undefined,
): Promise<{ document: PatientDocument; body: Readable; range: { start: number; end: number } | undefined }> {
  let range: { start: number; end: number } | undefined;
  const row = await withTenant(deps.db, actor.clinicId, async (tx) => {
    const [found] = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.clinicId, actor.clinicId)));
    if (!found) throw notFound('The document');
    range = pickRange(found.bytes);
    await recordAuditEvents(tx, actor, [
      {
        action: 'document.read',
        resourceType: 'document',
        resourceId: found.id,
        patientId: found.patientId,
        ...(range ? { details: { rangeStart: range.start } } : {}),
      },
    ]);
    return found;
  });
  const object = await deps.storage.get(row.objectKey, range ? { range } : {});
  return { document: toDocument(row), body: object.body, range: object.range };
}
