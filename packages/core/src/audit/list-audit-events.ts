import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Database } from '../db/database';
import { auditEvents } from '../db/schema';
import { withTenant } from '../db/with-tenant';
import { requireRole } from '../users/require-role';
import type { AuditEventList, ListAuditEventsQuery } from './audit-schemas';

/** Newest first. Admins only: the trail shows who looked at which patient. */
export async function listAuditEvents(
  db: Database,
  actor: Actor,
  query: ListAuditEventsQuery,
): Promise<AuditEventList> {
  requireRole(actor, ['admin']);
  return withTenant(db, actor.clinicId, async (tx) => {
    const rows = await tx
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.clinicId, actor.clinicId),
          query.patientId ? eq(auditEvents.patientId, query.patientId) : undefined,
          query.actorUserId ? eq(auditEvents.actorUserId, query.actorUserId) : undefined,
          query.action ? eq(auditEvents.action, query.action) : undefined,
          query.from ? gte(auditEvents.occurredAt, new Date(query.from)) : undefined,
          query.to ? lt(auditEvents.occurredAt, new Date(query.to)) : undefined,
          query.cursor ? lt(auditEvents.id, Number(query.cursor)) : undefined,
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({
        id: String(row.id),
        occurredAt: row.occurredAt.toISOString(),
        actorUserId: row.actorUserId,
        action: row.action,
        resourceType: row.resourceType,
        resourceId: row.resourceId,
        patientId: row.patientId,
        patientPseudonym: row.patientPseudonym,
        requestId: row.requestId,
        ip: row.ip,
        details: row.details,
      })),
      nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
    };
  });
}
