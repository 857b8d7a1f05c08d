import { z } from 'zod';

export const erasePatientInput = z
  .strictObject({
    overrideRetention: z
      .boolean()
      .default(false)
      .describe('Erase even signed notes still inside the legal retention period; needs a reason'),
    reason: z
      .string()
      .trim()
      .min(10, 'Say why, in at least 10 characters')
      .max(1_000, 'Use at most 1,000 characters')
      .optional()
      .describe('Recorded in the audit trail; required with overrideRetention'),
  })
  .refine((input) => !input.overrideRetention || input.reason !== undefined, {
    error: 'Give the reason for overriding the retention period',
    path: ['reason'],
  })
  .meta({ id: 'ErasePatient' });
export type ErasePatientInput = z.infer<typeof erasePatientInput>;
