import { Gauge } from 'prom-client';
import type pg from 'pg';
import type { AppMetrics } from './app-metrics';

/**
 * Pool occupancy, read at scrape time, and the duration of every statement: each client the
 * pool opens is wrapped once, which covers pool queries and transactions alike.
 */
export function observeDatabasePool(pool: pg.Pool, metrics: AppMetrics, poolMax: number): void {
  const registers = [metrics.registry];
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state: in_use, idle, and waiting (requests queued for one).',
    labelNames: ['state'],
    registers,
    collect() {
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({ name: 'db_pool_max', help: 'Size limit of the database pool.', registers }).set(poolMax);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const stop = metrics.dbQueryDuration.startTimer();
      const result = query(...args);
      // Callback-style and submittable queries return no promise; they are left unmeasured.
      if (result instanceof Promise) result.finally(() => stop()).catch(() => undefined);
      return result;
    };
  });
}
