export interface StreamEvent {
  id: number;
  type: string;
  data: unknown;
}

export interface EventStreamSource {
  /** Events after this id, oldest first; an empty list when there are none yet. */
  read(afterId: number): Promise<StreamEvent[]>;
  /** Called when new events may exist; returns the unsubscribe function. */
  subscribe(wake: () => void): () => void;
}

const encoder = new TextEncoder();

/**
 * A Server-Sent Events body: first everything after `lastEventId` (a reconnecting browser sends
 * it), then each new event as it is committed. Wake-ups come from the event bus; a slow poll is
 * the safety net for a lost notification. Comments keep idle proxies from closing the stream.
 */
export function createEventStream(
  source: EventStreamSource,
  options: {
    lastEventId: number;
    signal: AbortSignal;
    pollMs?: number;
    heartbeatMs?: number;
    retryMs?: number;
  },
): ReadableStream<Uint8Array> {
  let lastId = options.lastEventId;
  let reading = false;
  let again = false;
  let closed = false;
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        timers.forEach((timer) => clearInterval(timer));
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already cancelled by the consumer.
        }
      };
      const pump = async () => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            for (
              let batch = await source.read(lastId);
              batch.length > 0 && !closed;
              batch = await source.read(lastId)
            ) {
              for (const event of batch) {
                controller.enqueue(
                  encoder.encode(
                    `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`,
                  ),
                );
                lastId = event.id;
              }
            }
          } while (again && !closed);
        } catch {
          // The database is briefly unreachable: the next wake-up or poll tries again.
        } finally {
          reading = false;
        }
      };
      options.signal.addEventListener('abort', close, { once: true });
      controller.enqueue(encoder.encode(`retry: ${options.retryMs ?? 3_000}\n: connected\n\n`));
      unsubscribe = source.subscribe(() => void pump());
      timers.push(setInterval(() => void pump(), options.pollMs ?? 5_000));
      timers.push(
        setInterval(() => {
          if (!closed) controller.enqueue(encoder.encode(': keep-alive\n\n'));
        }, options.heartbeatMs ?? 15_000),
      );
      void pump();
    },
    cancel() {
      closed = true;
      timers.forEach((timer) => clearInterval(timer));
      unsubscribe();
    },
  });
}
