import type { AppContext } from '../boot/app-context';

export type ComponentStatus =
  | { status: 'up'; latencyMs: number }
  | { status: 'down'; error: string }
  | { status: 'not_configured' }
  /** An embedded engine runs inside the worker: there is nothing to reach. */
  | { status: 'in_process' };

export interface Readiness {
  status: 'ready' | 'degraded' | 'unavailable';
  components: Record<string, ComponentStatus>;
}

// A readiness probe must answer before the orchestrator's own timeout (typically 1–5 s).
const componentTimeoutMs = 2_000;

/**
 * The database is required: without it the replica takes no traffic. Redis is a cache, and
 * object storage is needed only for files, so losing either degrades the replica but leaves it serving.
 * Speech-to-text and the language model are reached by the jobs, not the requests: when they are
 * down, recordings and notes wait, but everything else works.
 */
export async function checkReadiness(app: AppContext): Promise<Readiness> {
  const [database, storage, redis, stt, llm] = await Promise.all([
    probe(async () => {
      await app.pool.query('select 1');
    }),
    probe(() => app.storage.check()),
    app.redis
      ? probe(async () => {
          await app.redis?.ping();
        })
      : Promise.resolve<ComponentStatus>({ status: 'not_configured' }),
    probeProvider(app.config.stt),
    probeProvider(app.config.llm),
  ]);
  const components = { database, storage, redis, stt, llm };
  // Storage and Redis are shared by every replica: taking this one out of rotation would not help.
  const status =
    database.status !== 'up'
      ? 'unavailable'
      : Object.values(components).some((component) => component.status === 'down')
        ? 'degraded'
        : 'ready';
  for (const [component, value] of Object.entries(components)) {
    if (value.status === 'up' || value.status === 'down')
      app.metrics.readiness.set({ component }, value.status === 'up' ? 1 : 0);
  }
  return { status, components };
}

/** Reachable: any HTTP answer, even 401 or 404, since the probe carries no key and calls no model. */
export function probeProvider(
  provider: { provider: string; baseUrl?: string } | undefined,
): Promise<ComponentStatus> {
  if (!provider) return Promise.resolve({ status: 'not_configured' });
  const { baseUrl } = provider;
  if (baseUrl === undefined) return Promise.resolve({ status: 'in_process' });
  return probe(async () => {
    const response = await fetch(baseUrl, { signal: AbortSignal.timeout(componentTimeoutMs) });
    await response.body?.cancel();
  });
}

async function probe(check: () => Promise<void>): Promise<ComponentStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), componentTimeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      error: error instanceof Error && error.message === 'timed out' ? 'timed out' : 'unreachable',
    };
  } finally {
    clearTimeout(timer);
  }
}
