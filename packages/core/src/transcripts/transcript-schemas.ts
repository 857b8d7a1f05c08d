import { z } from 'zod';

export const transcriptSchema = z
  .object({
    status: z
      .enum(['none', 'partial', 'complete'])
      .describe('none: no audio transcribed yet; partial: still growing'),
    language: z.string(),
    durationSec: z.number().nullable(),
    segments: z.array(
      z.object({
        id: z.uuid(),
        start: z.number(),
        end: z.number(),
        text: z.string(),
        speaker: z.string().nullable(),
        chunk: z
          .object({ seq: z.number().int(), offset: z.number() })
          .nullable()
          .optional()
          .describe(
            'For live recordings: the chunk holding the segment and where it starts in that chunk (seconds), to play it',
          ),
      }),
    ),
  })
  .meta({ id: 'Transcript' });
export type EncounterTranscript = z.infer<typeof transcriptSchema>;
