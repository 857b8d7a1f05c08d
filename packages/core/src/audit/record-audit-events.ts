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
 */
export async function recordAuditEvents(
  tx: TenantTransaction,
  actor: Actor,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(
    entries.map((entry) => ({
      clinicId: actor.clinicId,
      actorUserId: actor.userId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      patientId: entry.patientId ?? null,
      patientPseudonym: entry.patientPseudonym ?? null,
      requestId: actor.requestId,
      ip: actor.ip,
      details: entry.details ?? null,
    })),
  );
}
