import { z } from 'zod';

const flagSchema = z.object({
  kind: z
    .enum(['no_evidence', 'unknown_evidence', 'number', 'dose', 'laterality', 'negation'])
    .describe('What the evidence checker found'),
  message: z.string(),
  acknowledged: z.boolean(),
  acknowledgedBy: z.uuid().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
});

export const noteSchema = z
  .object({
    id: z.uuid(),
    encounterId: z.uuid(),
    status: z.enum(['draft', 'signed']),
    template: z.string(),
    language: z.string(),
    version: z.number().int().describe('Send it back in `If-Match` when editing'),
    sections: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        items: z.array(
          z.object({
            id: z.uuid(),
            text: z.string(),
            evidence: z.array(z.uuid()).describe('Ids of the transcript segments that support the statement'),
            flags: z.array(flagSchema),
          }),
        ),
      }),
    ),
    openFlags: z.number().int().describe('Flags neither fixed nor acknowledged; signing needs 0'),
    model: z.string().nullable().describe('The language model that wrote the first version'),
    signedAt: z.iso.datetime().nullable(),
    signedBy: z.uuid().nullable(),
    addenda: z.array(
      z.object({ id: z.uuid(), text: z.string(), authorId: z.uuid(), createdAt: z.iso.datetime() }),
    ),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Note' });
export type NoteView = z.infer<typeof noteSchema>;

export const updateNoteInput = z
  .strictObject({
    sections: z
      .array(
        z.strictObject({
          key: z.string().min(1).max(40),
          items: z
            .array(
              z.strictObject({
                id: z.uuid('Use the id of an item of this note, or leave it out for a new item').optional(),
                text: z.string().trim().min(1, 'A statement cannot be empty').max(2_000),
                evidence: z.array(z.uuid('Use transcript segment ids')).max(20).optional(),
                acknowledgeFlags: z
                  .boolean()
                  .optional()
                  .describe('Mark the statement’s current flags as reviewed: the text stays as it is'),
              }),
            )
            .max(100),
        }),
      )
      .min(1, 'Send at least one section')
      .max(20),
  })
  .meta({ id: 'UpdateNote' });
export type UpdateNoteInput = z.infer<typeof updateNoteInput>;

export const regenerateNoteInput = z
  .strictObject({
    template: z.string().min(1).max(40).optional(),
    language: z.enum(['pt-BR', 'en', 'es'], 'Choose one of: pt-BR, en, es').optional(),
  })
  .meta({ id: 'RegenerateNote' });
export type RegenerateNoteInput = z.infer<typeof regenerateNoteInput>;

export const addendumInput = z
  .strictObject({ text: z.string().trim().min(1, 'An addendum cannot be empty').max(5_000) })
  .meta({ id: 'CreateAddendum' });

export const addendumSchema = z
  .object({ id: z.uuid(), text: z.string(), authorId: z.uuid(), createdAt: z.iso.datetime() })
  .meta({ id: 'Addendum' });
