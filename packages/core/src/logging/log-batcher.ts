/** What a destination answers for one batch: sent, or failed (and whether trying again may help). */
export type SendResult = { ok: true } | { ok: false; retryable: boolean };

export interface LogSink {
  /** Splits waiting lines into the first batch the destination accepts and the rest. */
  maxBatchLines: number;
  maxBatchBytes: number;
  /** Bytes a line counts for against `maxBatchBytes` (CloudWatch adds 26 per event). */
  sizeOf(line: string): number;
  send(lines: string[]): Promise<SendResult>;
}

export interface LogBatcherStats {
  sent: number;
  dropped: { buffer_full: number; send_failed: number; too_large: number };
}

/**
 * A bounded buffer in front of a slow or unreachable destination. Lines wait at most until the
 * next flush; when the buffer is full, new lines are dropped and counted rather than held in
 * memory without limit, and a batch that still fails after its retries is dropped and counted:
 * logging must never take the process down or hold a request.
 */
export function createLogBatcher(
  sink: LogSink,
  options: { maxBufferedLines: number; flushIntervalMs: number; retries: number; retryDelayMs: number },
) {
  const buffer: string[] = [];
  const stats: LogBatcherStats = { sent: 0, dropped: { buffer_full: 0, send_failed: 0, too_large: 0 } };
  let sending: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  function takeBatch(): string[] {
    let bytes = 0;
    let count = 0;
    while (count < buffer.length && count < sink.maxBatchLines) {
      const size = sink.sizeOf(buffer[count]!);
      if (bytes + size > sink.maxBatchBytes) break;
      bytes += size;
      count += 1;
    }
    return buffer.splice(0, count);
  }

  async function sendAll(): Promise<void> {
    while (buffer.length > 0) {
      const batch = takeBatch();
      if (batch.length === 0) continue;
      let result: SendResult = { ok: false, retryable: true };
      for (let attempt = 0; attempt <= options.retries; attempt += 1) {
        result = await sink.send(batch).catch(() => ({ ok: false, retryable: true }) as const);
        if (result.ok || !result.retryable) break;
        if (attempt < options.retries)
          await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs * 2 ** attempt));
      }
      if (result.ok) stats.sent += batch.length;
      else stats.dropped.send_failed += batch.length;
    }
  }

  function flush(): Promise<void> {
    sending ??= sendAll().finally(() => (sending = undefined));
    return sending;
  }

  return {
    stats,
    push(line: string) {
      if (sink.sizeOf(line) > sink.maxBatchBytes) stats.dropped.too_large += 1;
      else if (buffer.length >= options.maxBufferedLines) stats.dropped.buffer_full += 1;
      else buffer.push(line);
      timer ??= setTimeout(() => {
        timer = undefined;
        void flush();
      }, options.flushIntervalMs);
    },
    /** Sends everything buffered now, including lines pushed while it runs. */
    async drain(): Promise<void> {
      while (buffer.length > 0 || sending) await flush();
    },
  };
}
