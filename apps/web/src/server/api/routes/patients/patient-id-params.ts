import { z } from 'zod';

export const patientIdParams = z.strictObject({ id: z.uuid().describe('The patient id') });
