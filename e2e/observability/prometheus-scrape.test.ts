import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@healthcare/core/net/free-port';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  clinicWithPatient,
  createEncounter,
  putBytes,
} from '../../apps/web/src/server/testing/clinic-fixtures';
import { stopWorker, useCluster } from '../../apps/worker/src/testing/use-cluster';
import { observabilityDir, observabilityExpressions } from './observability-expressions';

// A cluster in miniature: the web replica enqueues, apps/worker (a process of its own) runs the
// jobs against local servers speaking OpenAI's transcription and chat APIs, and Prometheus
// scrapes both metrics ports, evaluating the real rule files as it goes.
const { api, testApp, state, startWorker } = useCluster({
  prefix: 'healthcare_prometheus',
  chunkSeconds: 1,
  environment: { METRICS_PORT: '0', METRICS_HOST: '127.0.0.1', LLM_MODEL: 'fake-model' },
});

let prometheus: ChildProcess | undefined;
let worker: ChildProcess | undefined;
let prometheusUrl = '';

afterAll(async () => {
  prometheus?.kill('SIGTERM');
  if (worker) await stopWorker(worker);
});

interface QueryAnswer {
  status: string;
  data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
  error?: string;
}

async function query(expr: string): Promise<QueryAnswer> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  return (await response.json()) as QueryAnswer;
}

/** Some series with a number (not NaN: a quantile of a rate that has not moved yet is NaN). */
async function valuesOf(expr: string): Promise<number[]> {
  const answer = await query(expr).catch(() => undefined);
  return (answer?.data?.result ?? [])
    .map((sample) => Number(sample.value[1]))
    .filter((n) => !Number.isNaN(n));
}

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 90_000, interval: 500 });

/** One live chunk and `complete`, then the worker's three jobs: transcript, finalize, note. */
async function recordEncounter(token: string, patientId: string) {
  const encounterId = await createEncounter(api, token, patientId);
  state.stt.enqueue({ kind: 'ok', text: () => 'Dor de cabeça há três dias.' });
  await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);
  await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 1 }, token);
  await waitFor(async () =>
    expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready'),
  );
}

function startPrometheus(dir: string, port: number, targets: Record<string, number>) {
  const rules = ['recording.yml', 'alerts.yml'].map((file) =>
    path.join(observabilityDir, 'prometheus/rules', file),
  );
  writeFileSync(
    path.join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      `rule_files: [${rules.map((file) => JSON.stringify(file)).join(', ')}]`,
      'scrape_configs:',
      ...Object.entries(targets).flatMap(([job, target]) => [
        `  - job_name: ${job}`,
        `    static_configs: [{ targets: ['127.0.0.1:${target}'] }]`,
      ]),
    ].join('\n'),
  );
  return spawn(
    'prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
}

describe('the real Prometheus scraping the web app and the worker', () => {
  it(
    'should evaluate every dashboard and rule expression, with data for the core ones after real jobs',
    { timeout: 240_000 },
    async () => {
      const webPort = (testApp().app.metricsServer!.address() as { port: number }).port;
      const workerPort = await freePort();
      const port = await freePort();
      prometheusUrl = `http://127.0.0.1:${port}`;
      prometheus = startPrometheus(mkdtempSync(path.join(tmpdir(), 'prometheus-')), port, {
        web: webPort,
        worker: workerPort,
      });
      worker = startWorker({ METRICS_PORT: String(workerPort), METRICS_HOST: '127.0.0.1' });

      const { token, patientId } = await clinicWithPatient(api, 'Prometheus');
      await api.get(`/api/v1/patients/${patientId}`, token);
      await api.get('/readyz');
      await recordEncounter(token, patientId);
      // Histograms appear at their first observation, so a rate needs a scrape of the first
      // encounter's series before the second encounter moves them.
      await waitFor(async () =>
        expect(
          await valuesOf('job_duration_seconds_count{job="worker", queue="generate-note"}'),
        ).toHaveLength(1),
      );
      await recordEncounter(token, patientId);
      await api.get('/readyz');

      // Straight from the dashboards, so what is checked is what people look at.
      const expressions = observabilityExpressions('1m');
      const panel = (source: string) => {
        const found = expressions.find((entry) => entry.source === source && entry.expr.includes('0.95'));
        expect(found, source).toBeDefined();
        return found!.expr;
      };
      const core = {
        'STT latency': panel('ai-latency: Speech-to-text latency (p50, p95, p99)'),
        'real-time factor': panel('ai-latency: Speech-to-text real-time factor (p50, p95)'),
        'LLM latency': panel('ai-latency: Language model latency (p50, p95, p99)'),
        'job duration': panel('ai-latency: Job duration by queue (p50, p95)'),
        'query latency': panel('database-health: Query latency (p50, p95, p99)'),
        'HTTP rate': 'sum by (route) (rate(http_request_duration_seconds_count[1m]))',
        pool: 'sum by (job, state) (db_pool_connections)',
        readiness: 'min by (component) (readiness_status)',
        'oldest job': 'max by (queue) (job_queue_oldest_age_seconds)',
      };
      for (const [name, expr] of Object.entries(core))
        await waitFor(async () =>
          expect((await valuesOf(expr)).length, `${name}: ${expr}`).toBeGreaterThan(0),
        );
      // The worker's own series: it ran the jobs and called the providers. The audio retention
      // sweep, scheduled every 5 minutes, also runs when the test spans such a minute.
      expect(
        await valuesOf(
          'sum by (queue) (job_duration_seconds_count{job="worker", outcome="completed", queue!="purge-expired-audio"})',
        ),
      ).toHaveLength(3);
      expect(
        await valuesOf('stt_request_seconds_count{job="worker", provider="openai", outcome="ok"}'),
      ).toEqual([2]);
      expect(await valuesOf('sum by (job) (db_pool_connections)')).toHaveLength(2);

      const failures: string[] = [];
      for (const { source, expr } of expressions) {
        const answer = await query(expr);
        if (answer.status !== 'success') failures.push(`${source}: ${expr}: ${answer.error}`);
      }
      expect(failures).toEqual([]);
    },
  );
});
