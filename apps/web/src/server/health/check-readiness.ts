import type { AppContext } from '../boot/app-context';

type ComponentStatus =
  { status: 'up'; latencyMs: number } | { status: 'down'; error: string } | { status: 'not_configured' };

export interface Readiness {
  status: 'ready' | 'degraded' | 'unavailable';
  components: Record<string, ComponentStatus>;
}

// A readiness probe must answer before the orchestrator's own timeout (typically 1–5 s).
const componentTimeoutMs = 2_000;

/**
 * The database is required: without it the replica takes no traffic. Redis is a cache, and
 * object storage is needed only for files, so losing either degrades the replica but leaves it serving.
 */
export async function checkReadiness(app: AppContext): Promise<Readiness> {
  const [database, storage, redis] = await Promise.all([
    probe(async () => {
      await app.pool.query('select 1');
    }),
    probe(() => app.storage.check()),
    app.redis
      ? probe(async () => {
          await app.redis?.ping();
        })
      : Promise.resolve<ComponentStatus>({ status: 'not_configured' }),
  ]);
  // Storage and Redis are shared by every replica: taking this one out of rotation would not help.
  const status =
    database.status !== 'up'
      ? 'unavailable'
      : redis.status === 'down' || storage.status === 'down'
        ? 'degraded'
        : 'ready';
  return { status, components: { database, storage, redis } };
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
