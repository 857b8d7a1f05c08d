import { z } from 'zod';

export const clinicName = z
  .string()
  .trim()
  .min(1, 'Enter the clinic name')
  .max(200, 'Use at most 200 characters');

export const clinicSchema = z
  .object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'Clinic' });
export type Clinic = z.infer<typeof clinicSchema>;

export function toClinic(row: { id: string; name: string; createdAt: Date }): Clinic {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
}
