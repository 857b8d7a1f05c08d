import { z } from 'zod';

export const encounterLanguages = ['pt-BR', 'en', 'es'] as const;
export const encounterStatuses = [
  'created',
  'recording',
  'transcribing',
  'generating',
  'ready',
  'signed',
  'failed',
] as const;
export type EncounterStatus = (typeof encounterStatuses)[number];

export const createEncounterInput = z
  .strictObject({
    patientId: z.uuid('Use the id of a patient of your clinic'),
    language: z.enum(encounterLanguages, 'Choose one of: pt-BR, en, es').default('pt-BR'),
    template: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{1,39}$/, 'Use the key of a note template (see GET /templates)')
      .default('soap')
      .describe('A built-in template (soap, hp, progress, pediatric, psychiatry) or one of the clinic’s own'),
  })
  .meta({ id: 'CreateEncounter' });
export type CreateEncounterInput = z.infer<typeof createEncounterInput>;

export const recordingConsentSchema = z
  .object({
    confirmedBy: z.uuid().nullable().describe('The user who confirmed it'),
    confirmedAt: z.iso.datetime(),
    wording: z.string().describe('The exact text shown to the patient'),
    language: z.enum(encounterLanguages),
  })
  .meta({ id: 'RecordingConsent' });
export type RecordingConsent = z.infer<typeof recordingConsentSchema>;

export const recordConsentInput = z
  .strictObject({
    wording: z
      .string()
      .trim()
      .min(20, 'Send the consent text exactly as it was shown to the patient')
      .max(4_000, 'Use at most 4,000 characters')
      .describe('The consent text exactly as shown to the patient, in the encounter’s language'),
  })
  .meta({ id: 'RecordConsent' });
export type RecordConsentInput = z.infer<typeof recordConsentInput>;

export const encounterSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    status: z.enum(encounterStatuses),
    language: z.enum(encounterLanguages),
    template: z.string(),
    failureReason: z.string().nullable(),
    audio: z.object({
      source: z.enum(['upload', 'chunks']).nullable(),
      mimeType: z.string().nullable(),
      bytes: z.number().int().nullable(),
      chunksReceived: z.number().int(),
      chunkCount: z.number().int().nullable().describe('Declared by `complete`'),
      completedAt: z.iso.datetime().nullable(),
      deletedAt: z.iso
        .datetime()
        .nullable()
        .describe('When the retention job deleted the raw audio; the transcript and note stay'),
    }),
    consent: recordingConsentSchema.nullable().describe('Null until the patient consents to being recorded'),
    createdBy: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Encounter' });
export type Encounter = z.infer<typeof encounterSchema>;

export const listEncountersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.uuid('This cursor is not valid').optional(),
});
export type ListEncountersQuery = z.infer<typeof listEncountersQuery>;

export const encounterListSchema = z
  .object({ items: z.array(encounterSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: 'EncounterList' });
export type EncounterList = z.infer<typeof encounterListSchema>;

export const completeRecordingInput = z
  .strictObject({
    chunkCount: z.number().int().min(1, 'A recording has at least one chunk').max(100_000),
  })
  .meta({ id: 'CompleteRecording' });
export type CompleteRecordingInput = z.infer<typeof completeRecordingInput>;

// A day seen from the reader's time zone is not a UTC day, so the client sends the instants.
export const listClinicEncountersQuery = z
  .strictObject({
    from: z.iso.datetime({
      offset: true,
      error: 'Use an ISO 8601 date-time, e.g. 2026-03-01T00:00:00-03:00',
    }),
    to: z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date-time, e.g. 2026-03-02T00:00:00-03:00' }),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .refine((query) => Date.parse(query.to) > Date.parse(query.from), {
    message: 'End after the start',
    path: ['to'],
  })
  // One screen shows a day or a week; a year of encounters in one answer is not a screen.
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 31 * 24 * 3600 * 1000, {
    message: 'Ask for at most 31 days at a time',
    path: ['to'],
  });
export type ListClinicEncountersQuery = z.infer<typeof listClinicEncountersQuery>;

export const clinicEncounterSchema = encounterSchema
  .extend({ patient: z.object({ id: z.uuid(), name: z.string() }) })
  .meta({ id: 'ClinicEncounter' });

export const clinicEncounterListSchema = z
  .object({
    items: z.array(clinicEncounterSchema),
    truncated: z.boolean().describe('More encounters exist in the period than `limit`'),
  })
  .meta({ id: 'ClinicEncounterList' });
export type ClinicEncounterList = z.infer<typeof clinicEncounterListSchema>;
