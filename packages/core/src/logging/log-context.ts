import { AsyncLocalStorage } from 'node:async_hooks';

/** Correlation fields stamped on every log line written while a request or a job runs. */
export interface LogContext {
  requestId?: string;
  traceId?: string;
  /** The running span, only when tracing is on (see tracing/trace-context.ts). */
  spanId?: string;
  jobId?: string;
  queue?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` so that every log line it writes, however deep, carries `context`. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
