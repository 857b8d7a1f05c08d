import { z } from 'zod';
import { personName } from '../users/user-schemas';

export const patientSexes = ['female', 'male', 'other', 'unknown'] as const;

// Birth dates are compared with the date in UTC+14, the earliest time zone, so a baby born
// "today" anywhere in the world is never rejected as born in the future.
function latestCalendarDate(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export const birthDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use the format YYYY-MM-DD', abort: true })
  .refine(isRealDate, { error: 'This date does not exist', params: { code: 'invalid_date' }, abort: true })
  .refine((value) => value >= '1900-01-01', {
    error: 'Use a date after 1900-01-01',
    params: { code: 'too_old' },
  })
  .refine((value) => value <= latestCalendarDate(), {
    error: 'A birth date cannot be in the future',
    params: { code: 'future_date' },
  })
  .meta({ format: 'date', example: '1984-03-17' });

const documentId = z
  .string()
  .trim()
  .min(1, 'Enter the document number or leave it out')
  .max(40, 'Use at most 40 characters')
  .regex(/^[\p{L}\p{N} ./-]+$/u, 'Use letters, digits, spaces, dots, slashes and dashes only');

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]+$/, {
    error: 'Use digits, spaces, parentheses, dashes and an optional leading +',
    abort: true,
  })
  .refine(
    (value) => {
      const digits = value.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 15;
    },
    { error: 'A phone number has 8 to 15 digits', params: { code: 'invalid_phone' } },
  );

const email = z.email('Enter a valid email address').max(254, 'Use at most 254 characters');
const sex = z.enum(patientSexes, 'Choose one of: female, male, other, unknown');

export const createPatientInput = z
  .strictObject({
    name: personName,
    birthDate,
    sex,
    documentId: documentId.optional(),
    phone: phone.optional(),
    email: email.optional(),
  })
  .meta({ id: 'CreatePatient' });
export type CreatePatientInput = z.infer<typeof createPatientInput>;

export const updatePatientInput = z
  .strictObject({
    name: personName.optional(),
    birthDate: birthDate.optional(),
    sex: sex.optional(),
    // null clears an optional field; absent leaves it unchanged.
    documentId: documentId.nullable().optional(),
    phone: phone.nullable().optional(),
    email: email.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, {
    error: 'Send at least one field to change',
    params: { code: 'empty_patch' },
  })
  .meta({ id: 'UpdatePatient' });
export type UpdatePatientInput = z.infer<typeof updatePatientInput>;

export const patientSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    birthDate: z.string().meta({ format: 'date' }),
    sex: z.enum(patientSexes),
    documentId: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Patient' });
export type Patient = z.infer<typeof patientSchema>;

export const listPatientsQuery = z.strictObject({
  q: z.string().trim().max(200, 'Use at most 200 characters').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.uuid('This cursor is not valid').optional(),
});
export type ListPatientsQuery = z.infer<typeof listPatientsQuery>;

export const patientListSchema = z
  .object({ items: z.array(patientSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: 'PatientList' });
export type PatientList = z.infer<typeof patientListSchema>;
