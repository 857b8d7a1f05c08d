import { z } from 'zod';
import { encounterStatuses } from '../encounters/encounter-schemas';

const segment = z.object({
  id: z.uuid(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  speaker: z.string().nullable(),
});

/** What the event stream carries; the `event:` field of each message is the key. */
export const encounterEventData = {
  status: z.object({ status: z.enum(encounterStatuses), failureReason: z.string().nullable() }),
  segments: z.object({ segments: z.array(segment) }),
  note: z.object({
    version: z.number().int(),
    reason: z.enum(['generated', 'edited', 'signed', 'addendum']),
  }),
} as const;

export type EncounterEventType = keyof typeof encounterEventData;
export type EncounterEventPayload<Type extends EncounterEventType> = z.infer<
  (typeof encounterEventData)[Type]
>;

export const encounterEventSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(['status', 'segments', 'note']),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'EncounterEvent' });
export type EncounterEvent = z.infer<typeof encounterEventSchema>;
