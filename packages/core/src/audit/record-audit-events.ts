import { sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { TenantTransaction } from '../db/database';
import { auditEvents } from '../db/schema';
import type { AuditAction } from './audit-schemas';

export type { AuditAction };

export interface AuditEntry {
  action: AuditAction;
  resourceType:
    'user' | 'patient' | 'clinic' | 'encounter' | 'document' | 'note' | 'note_template' | 'patient_export';
  resourceId?: string | null;
  patientId?: string | null;
  /** Only for events about an erased patient, whose id must no longer appear. */
  patientPseudonym?: string;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Must be called with the transaction that did the read or write, so the data and its
 * audit record commit together or not at all.
 *
 * One INSERT of all the entries, unnested from one array per column: the statement's text and
 * its parameter count stay the same however many patients a page lists, where a VALUES row per
 * entry made every list read build, send and plan a statement of hundreds of parameters.
 */
export async function recordAuditEvents(
  tx: TenantTransaction,
  actor: Actor,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const column = (key: keyof typeof auditEvents.$inferInsert) => sql.identifier(auditEvents[key].name);
  const each = <T>(pick: (entry: AuditEntry) => T) => sql.param(entries.map(pick));
  await tx.execute(sql`
    insert into ${auditEvents} (
      ${column('clinicId')}, ${column('actorUserId')}, ${column('requestId')}, ${column('ip')},
      ${column('action')}, ${column('resourceType')}, ${column('resourceId')}, ${column('patientId')},
      ${column('patientPseudonym')}, ${column('details')}
    )
    select ${actor.clinicId}::uuid, ${actor.userId}::uuid, ${actor.requestId}::text, ${actor.ip}::inet, entry.*
    from unnest(
      ${each((entry) => entry.action)}::text[],
      ${each((entry) => entry.resourceType)}::text[],
      ${each((entry) => entry.resourceId ?? null)}::uuid[],
      ${each((entry) => entry.patientId ?? null)}::uuid[],
      ${each((entry) => entry.patientPseudonym ?? null)}::text[],
      ${each((entry) => (entry.details ? JSON.stringify(entry.details) : null))}::jsonb[]
    ) as entry
  `);
}
