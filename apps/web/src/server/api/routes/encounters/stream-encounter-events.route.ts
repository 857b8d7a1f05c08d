import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { authorizeEventStream } from '@healthcare/core/events/authorize-event-stream';
import { readEncounterEvents } from '@healthcare/core/events/read-encounter-events';
import { z } from 'zod';
import { createEventStream } from '../../../http/event-stream';
import { defineRoute } from '../../../http/route';
import { encounterIdParams } from './encounter-id-params';

const eventsQuery = z.strictObject({
  lastEventId: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Resume after this event id (the Last-Event-ID header takes precedence)'),
});

export const streamEncounterEventsRoute = defineRoute({
  method: 'GET',
  path: '/encounters/{id}/events',
  summary:
    'Live events as Server-Sent Events: `status` (the encounter’s status), `segments` (new transcript segments), `note` (a note version is ready, edited or signed). Resumable with Last-Event-ID.',
  tag: 'encounters',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  query: eventsQuery,
  responses: {
    200: { description: 'An event stream that stays open', contentTypes: ['text/event-stream'] },
    403: { description: 'Staff do not read clinical content' },
    404: { description: 'No such encounter in your clinic' },
  },
  async handle({ app, actor, params, query, request }) {
    await authorizeEventStream(app.db, actor, params.id);
    const header = Number(request.headers.get('last-event-id'));
    const lastEventId = Number.isSafeInteger(header) && header > 0 ? header : (query.lastEventId ?? 0);
    const body = createEventStream(
      {
        read: (afterId) => readEncounterEvents(app.db, actor.clinicId, params.id, afterId),
        subscribe: (wake) => app.events.subscribe(params.id, wake),
      },
      { lastEventId, signal: request.signal, pollMs: app.config.events.streamPollSeconds * 1000 },
    );
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // NGINX would otherwise buffer the stream and deliver it in bursts.
        'x-accel-buffering': 'no',
      },
    });
  },
});
