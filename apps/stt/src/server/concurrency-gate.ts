/** Given to requests still waiting for a slot when the gate closes: the service is shutting down. */
export class GateClosedError extends Error {
  constructor() {
    super('The speech-to-text service is shutting down.');
    this.name = 'GateClosedError';
  }
}

export interface GateTicket {
  /**
   * Waits for a free slot (first come, first served), runs `task` in it and frees the slot. Rejects
   * with `signal.reason` when the signal aborts while waiting, the place given up, or with
   * GateClosedError when the gate closes first.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Gives the place up without running (the upload failed); safe to call more than once. */
  leave(): void;
}

export interface ConcurrencyGate {
  /** A place, or none when `maxConcurrent + maxQueued` requests hold one already or the gate is closed. */
  admit(): GateTicket | undefined;
  /** Tasks running now. */
  readonly running: number;
  /** Places held by requests not running yet: still arriving, or waiting for a slot. */
  readonly waiting: number;
  /** Admits nobody more and turns away whoever waits for a slot; running tasks finish. */
  close(): void;
}

/**
 * At most `maxConcurrent` tasks at once, and at most `maxQueued` more requests holding a place.
 * A place is taken when a request arrives, so a saturated service refuses before receiving audio.
 */
export function createConcurrencyGate(limits: { maxConcurrent: number; maxQueued: number }): ConcurrencyGate {
  let admitted = 0;
  let running = 0;
  let closed = false;
  const queue: { start(): void; fail(error: unknown): void }[] = [];

  const startNext = () => {
    while (running < limits.maxConcurrent && queue.length > 0) {
      running += 1;
      queue.shift()!.start();
    }
  };

  const admit = (): GateTicket | undefined => {
    if (closed || admitted >= limits.maxConcurrent + limits.maxQueued) return undefined;
    admitted += 1;
    let state: 'holding' | 'queued' | 'running' | 'left' = 'holding';
    let dequeue = () => {};

    const leave = () => {
      if (state === 'left') return;
      if (state === 'running') running -= 1;
      if (state === 'queued') dequeue();
      state = 'left';
      admitted -= 1;
      startNext();
    };

    const slot = (signal: AbortSignal | undefined) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted || closed) {
          leave();
          reject(signal?.aborted ? signal.reason : new GateClosedError());
          return;
        }
        const onAbort = () => entry.fail(signal?.reason);
        const entry = {
          start() {
            state = 'running';
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          fail(error: unknown) {
            signal?.removeEventListener('abort', onAbort);
            leave();
            reject(error);
          },
        };
        dequeue = () => {
          const index = queue.indexOf(entry);
          if (index >= 0) queue.splice(index, 1);
        };
        state = 'queued';
        queue.push(entry);
        signal?.addEventListener('abort', onAbort, { once: true });
        startNext();
      });

    return {
      async run(task, signal) {
        if (state !== 'holding') throw new Error('A gate ticket runs one task.');
        await slot(signal);
        try {
          return await task();
        } finally {
          leave();
        }
      },
      leave,
    };
  };

  return {
    admit,
    get running() {
      return running;
    },
    get waiting() {
      return admitted - running;
    },
    close() {
      closed = true;
      for (const entry of queue.splice(0)) entry.fail(new GateClosedError());
    },
  };
}
