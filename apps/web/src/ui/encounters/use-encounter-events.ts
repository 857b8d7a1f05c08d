'use client';

import type { EncounterEventPayload } from '@healthcare/core/events/encounter-event-schemas';
import { useEffect, useRef, useState } from 'react';

export interface EncounterEventHandlers {
  status(data: EncounterEventPayload<'status'>): void;
  segments(data: EncounterEventPayload<'segments'>): void;
  note(data: EncounterEventPayload<'note'>): void;
}

const reconnectDelayMs = 2_000;

/**
 * The encounter's live events. EventSource resends Last-Event-ID by itself while it retries;
 * when the browser gives up (offline, or an error answer) we open a new one that resumes from
 * the last event seen, so no segment is missed or repeated.
 */
export function useEncounterEvents(encounterId: string, handlers: EncounterEventHandlers) {
  const [connected, setConnected] = useState(false);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    let lastEventId = 0;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;

    const open = () => {
      const query = lastEventId ? `?lastEventId=${lastEventId}` : '';
      source = new EventSource(`/api/v1/encounters/${encodeURIComponent(encounterId)}/events${query}`);
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !closed) {
          source.close();
          timer = setTimeout(open, reconnectDelayMs);
        }
      };
      for (const type of ['status', 'segments', 'note'] as const) {
        source.addEventListener(type, (event) => {
          const message = event as MessageEvent<string>;
          const id = Number(message.lastEventId);
          if (Number.isSafeInteger(id) && id > 0) {
            if (id <= lastEventId) return;
            lastEventId = id;
          }
          handlersRef.current[type](JSON.parse(message.data));
        });
      }
    };
    open();
    return () => {
      closed = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [encounterId]);

  return { connected };
}
