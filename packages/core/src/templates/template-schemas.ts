import { z } from 'zod';

const slug = (what: string) =>
  z
    .string()
    .regex(
      /^[a-z][a-z0-9_-]{1,39}$/,
      `${what}: 2 to 40 lowercase letters, digits, “-” or “_”, starting with a letter`,
    );

const localizedText = (max: number) =>
  z.strictObject({
    'pt-BR': z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max),
    es: z.string().trim().min(1).max(max).optional(),
  });

/** One text for every language, or one per language. */
const localizedInput = (max: number) =>
  z.union([
    z
      .string()
      .trim()
      .min(1, 'Cannot be empty')
      .max(max)
      .transform((text) => ({ 'pt-BR': text, en: text })),
    localizedText(max),
  ]);

const sectionsInput = z
  .array(
    z.strictObject({
      key: slug('Section key'),
      title: localizedInput(80),
      instructions: localizedInput(1_000),
    }),
  )
  .min(1, 'A template has at least one section')
  .max(15, 'A template has at most 15 sections')
  .refine(
    (sections) => new Set(sections.map((section) => section.key)).size === sections.length,
    'Section keys must be different from each other',
  );

export const createTemplateInput = z
  .strictObject({
    key: slug('Template key'),
    name: z.string().trim().min(1, 'Give the template a name').max(100),
    sections: sectionsInput,
  })
  .meta({ id: 'CreateNoteTemplate' });
export type CreateTemplateInput = z.infer<typeof createTemplateInput>;

export const updateTemplateInput = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the template a name').max(100).optional(),
    sections: sectionsInput.optional(),
  })
  .refine((patch) => patch.name !== undefined || patch.sections !== undefined, 'Nothing to change')
  .meta({ id: 'UpdateNoteTemplate' });
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;

export const listTemplatesQuery = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Also list the archived clinic templates (for the admin screen)'),
});

export const templateKeyParams = z.strictObject({ key: slug('Template key').describe('The template key') });

export const templateSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    builtIn: z.boolean(),
    sections: z.array(
      z.object({ key: z.string(), title: localizedText(80), instructions: localizedText(1_000) }),
    ),
    createdAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    archivedAt: z.iso
      .datetime()
      .nullable()
      .describe('When an admin archived it: no new note starts from it; null while in use'),
  })
  .meta({ id: 'NoteTemplate' });
export type TemplateView = z.infer<typeof templateSchema>;

export const templateListSchema = z
  .object({ items: z.array(templateSchema) })
  .meta({ id: 'NoteTemplateList' });
