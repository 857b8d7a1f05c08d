import { z } from 'zod';

export const listAuditEventsQuery = z.strictObject({
  patientId: z.uuid('Use a patient id').optional(),
  actorUserId: z.uuid('Use a user id').optional(),
  action: z
    .string()
    .regex(/^[a-z]+\.[a-z]+$/, 'Use an action such as patient.read')
    .optional(),
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
