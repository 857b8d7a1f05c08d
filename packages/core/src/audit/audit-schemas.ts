import { z } from 'zod';

/** Every action the audit trail records; the admin screen offers them as a filter. */
export const auditActions = [
  'auth.signup',
  'auth.login',
  'auth.logout',
  'user.create',
  'user.update',
  'patient.create',
  'patient.read',
  'patient.list',
  'patient.update',
  'patient.delete',
  'encounter.create',
  'encounter.read',
  'encounter.list',
  'encounter.consent',
  'encounter.audio.upload',
  'encounter.audio.chunk',
  'encounter.audio.complete',
  'encounter.retry',
  'encounter.audio.delete',
  'encounter.audio.read',
  'transcript.read',
  'note.read',
  'note.update',
  'note.regenerate',
  'note.sign',
  'note.addendum',
  'note.export',
  'encounter.events.read',
  'template.create',
  'template.update',
  'template.delete',
  'template.archive',
  'template.restore',
  'document.create',
  'document.list',
  'document.read',
  'fhir.everything',
  'export.create',
  'export.download',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const listAuditEventsQuery = z.strictObject({
  patientId: z.uuid('Use a patient id').optional(),
  actorUserId: z.uuid('Use a user id').optional(),
  action: z
    .string()
    .regex(/^[a-z]+(\.[a-z]+)+$/, 'Use an action such as patient.read')
    .optional(),
  from: z.iso
    .datetime({ offset: true, error: 'Use an ISO 8601 date-time' })
    .optional()
    .describe('Events at or after this instant'),
  to: z.iso
    .datetime({ offset: true, error: 'Use an ISO 8601 date-time' })
    .optional()
    .describe('Events before this instant'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'This cursor is not valid')
    .optional(),
});
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuery>;

export const auditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.iso.datetime(),
    actorUserId: z.uuid().nullable(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.uuid().nullable(),
    patientId: z.uuid().nullable(),
    patientPseudonym: z
      .string()
      .nullable()
      .describe('Takes the place of patientId once the patient was erased (a keyed hash of the id)'),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventListSchema = z
  .object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditEventList' });
export type AuditEventList = z.infer<typeof auditEventListSchema>;
