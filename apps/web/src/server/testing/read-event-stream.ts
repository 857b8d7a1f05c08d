export interface ReceivedEvent {
  id: number;
  type: string;
  data: any;
}

/**
 * Opens `GET …/events` the way a browser's EventSource would and collects what arrives, so a
 * test can watch the live stream while it drives the API.
 */
export async function openEventStream(url: string, token: string, lastEventId?: number) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}),
    },
    signal: controller.signal,
  });
  const events: ReceivedEvent[] = [];
  const comments: string[] = [];
  let retryMs: number | undefined;
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of frame.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            const colon = line.indexOf(':');
            if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
          }
          if (fields.retry) retryMs = Number(fields.retry);
          if (fields.data !== undefined)
            events.push({
              id: Number(fields.id),
              type: fields.event ?? 'message',
              data: JSON.parse(fields.data),
            });
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    retryMs: () => retryMs,
    async close() {
      controller.abort();
      await reading;
    },
  };
}
