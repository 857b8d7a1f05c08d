import { Gauge } from 'prom-client';
import type pg from 'pg';
import { jobQueues, jobSchema } from '../jobs/job-queues';
import type { AppMetrics } from './app-metrics';

const queueNames = Object.values(jobQueues).map((queue) => queue.name);

/** Waiting jobs per queue and the age of the oldest, read from pg-boss's table at scrape time. */
export function observeJobQueues(pool: pg.Pool, metrics: AppMetrics): void {
  const registers = [metrics.registry];
  let pending: Promise<Map<string, { depth: number; oldest: number }>> | undefined;
  // Both gauges are collected in one scrape: one query serves them.
  const read = () =>
    (pending ??= pool
      .query<{ name: string; depth: number; oldest: number }>(
        `select name, count(*)::int as depth,
                coalesce(extract(epoch from now() - min(created_on)), 0)::float8 as oldest
           from ${jobSchema}.job where state in ('created', 'retry') group by name`,
      )
      .then((result) => new Map(result.rows.map((row) => [row.name, row])))
      .finally(() => setImmediate(() => (pending = undefined))));
  new Gauge({
    name: 'job_queue_depth',
    help: 'Jobs waiting to run (new or waiting for a retry), by queue.',
    labelNames: ['queue'],
    registers,
    async collect() {
      const rows = await read().catch(() => undefined);
      if (!rows) return;
      for (const queue of queueNames) this.set({ queue }, rows.get(queue)?.depth ?? 0);
    },
  });
  new Gauge({
    name: 'job_queue_oldest_age_seconds',
    help: 'Age of the oldest waiting job, by queue (0 when none waits).',
    labelNames: ['queue'],
    registers,
    async collect() {
      const rows = await read().catch(() => undefined);
      if (!rows) return;
      for (const queue of queueNames) this.set({ queue }, rows.get(queue)?.oldest ?? 0);
    },
  });
}
