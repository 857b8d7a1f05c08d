import { z } from 'zod';

export const encounterIdParams = z.strictObject({ id: z.uuid().describe('The encounter id') });

export const chunkParams = z.strictObject({
  id: z.uuid().describe('The encounter id'),
  seq: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .describe('The chunk number, from 0'),
});
