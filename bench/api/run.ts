/**
 * bench/api: authenticated `GET /api/v1/patients?limit=20` under autocannon against the real app,
 * beside a bare node:http + pg server running the same SELECT on the same data under the same
 * tenant setting, measured in the same run. Target: the app keeps ≥ 50% of the baseline's
 * throughput. Not a test: `npm run bench:api`. BENCH_API_SECONDS sets each measured round
 * (default 8), BENCH_API_CONNECTIONS the concurrent clients (default 16), BENCH_API_CPU_PROF=<dir>
 * has the app write a V8 CPU profile there when it stops (open it in Chrome DevTools).
 */
import { generateKeyPairSync } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { createTestDatabase, testServerUrl } from '@healthcare/core/testing/test-database';
import { measureLoad, type LoadFigures } from '../common/load';
import { describeMachine } from '../common/machine';
import { median } from '../common/measure';
import { printTable } from '../common/print-table';
import { databaseBackendPids, processCpuSeconds, totalCpuSeconds } from '../common/process-cpu';
import { seedClinic } from '../common/seed-clinic';
import { startApp } from '../common/start-app';
import { firstPageQuery } from './list-query';
import { startBaseline } from './start-baseline';

const patientCount = 3000;
const pageSize = 20;
const seconds = Number(process.env.BENCH_API_SECONDS ?? 8);
const connections = Number(process.env.BENCH_API_CONNECTIONS ?? 16);
const rounds = 2;
const poolMax = '10';
const target = 0.5;

const database = await createTestDatabase({ prefix: 'healthcare_bench' });
const stops: (() => Promise<void>)[] = [];
try {
  console.log(
    `bench/api: GET /api/v1/patients?limit=${pageSize} (${patientCount} patients in the clinic), ${connections} connections, ${rounds} interleaved rounds of ${seconds} s each`,
  );
  console.log(`machine: ${describeMachine()}\n`);
  const app = await startApp(
    {
      DATABASE_URL: database.appUrl,
      DATABASE_POOL_MAX: poolMax,
      RUN_WORKER: 'false',
      STORAGE_DIR: '/tmp/healthcare-bench-api-unused',
      AUTH_JWT_PRIVATE_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    },
    {
      nodeFlags: process.env.BENCH_API_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_CPU_PROF}`]
        : [],
    },
  );
  stops.push(app.stop);
  const { accessToken, clinicId } = await seedClinic(app.baseUrl, database.appUrl, patientCount);
  const baselineEnvironment = {
    DATABASE_URL: database.appUrl,
    DATABASE_POOL_MAX: poolMax,
    BASELINE_CLINIC_ID: clinicId,
    BASELINE_LIMIT: String(pageSize),
    BASELINE_QUERY: JSON.stringify(firstPageQuery(clinicId, pageSize)),
  };
  const baseline = await startBaseline(baselineEnvironment);
  stops.push(baseline.stop);
  const namedBaseline = await startBaseline({
    ...baselineEnvironment,
    BASELINE_STATEMENT_NAME: 'baseline_list_patients',
  });
  stops.push(namedBaseline.stop);

  const endpoint = (server: { baseUrl: string; pid: number }, headers: Record<string, string> = {}) => ({
    url: `${server.baseUrl}/api/v1/patients?limit=${pageSize}`,
    headers,
    pid: server.pid,
  });
  const targets = {
    app: endpoint(app, { authorization: `Bearer ${accessToken}` }),
    baseline: endpoint(baseline),
    namedBaseline: endpoint(namedBaseline),
  };
  // Same answer from both, or the comparison means nothing.
  const [ours, ...theirs] = await Promise.all(
    Object.values(targets).map(async ({ url, headers }) => {
      const response = await fetch(url, { headers });
      if (response.status !== 200)
        throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { items: unknown[] };
    }),
  );
  if (ours!.items.length !== pageSize || theirs.some((answer) => !isDeepStrictEqual(ours, answer)))
    throw new Error('the app and the baseline do not answer the same page');

  // Warm both (JIT, pool connections, PostgreSQL's plan and buffer caches), then alternate.
  await measureLoad({ ...targets.app, connections, seconds: 2 });
  await measureLoad({ ...targets.baseline, connections, seconds: 2 });
  await measureLoad({ ...targets.namedBaseline, connections, seconds: 2 });
  // Both pools are full now: these are every backend either server talks to.
  const backends = await databaseBackendPids(testServerUrl(), new URL(database.ownerUrl).pathname.slice(1));
  type Round = LoadFigures & { serverCpuMs: number; databaseCpuMs: number };
  const measureRound = async (target: (typeof targets)['app']): Promise<Round> => {
    const before = [await processCpuSeconds(target.pid), await totalCpuSeconds(backends)];
    const figures = await measureLoad({ ...target, connections, seconds });
    const after = [await processCpuSeconds(target.pid), await totalCpuSeconds(backends)];
    const perRequestMs = (index: number) => ((after[index]! - before[index]!) * 1000) / figures.ok;
    return { ...figures, serverCpuMs: perRequestMs(0), databaseCpuMs: perRequestMs(1) };
  };
  const runs: Record<keyof typeof targets, Round[]> = { app: [], baseline: [], namedBaseline: [] };
  for (let round = 0; round < rounds; round++)
    for (const name of ['app', 'baseline', 'namedBaseline'] as const)
      runs[name].push(await measureRound(targets[name]));
  const summary = (figures: Round[]) => ({
    rate: median(figures.map((figure) => figure.requestsPerSecond)),
    p50: median(figures.map((figure) => figure.p50Ms)),
    p99: median(figures.map((figure) => figure.p99Ms)),
    serverCpu: median(figures.map((figure) => figure.serverCpuMs)),
    databaseCpu: median(figures.map((figure) => figure.databaseCpuMs)),
  });
  const appFigures = summary(runs.app);
  const row = (name: string, figures: ReturnType<typeof summary>, versus: string) => [
    name,
    figures.rate.toFixed(0),
    figures.p50.toFixed(1),
    figures.p99.toFixed(1),
    figures.serverCpu.toFixed(2),
    figures.databaseCpu.toFixed(2),
    versus,
  ];
  const verdict = (ratio: number) =>
    `${ratio.toFixed(2)} ${ratio >= target ? `(≥ ${target} ✓)` : `(< ${target} ✗)`}`;
  const rows: string[][] = [];
  for (const [name, label] of [
    ['baseline', 'bare node:http + pg, unnamed statement'],
    ['namedBaseline', 'bare node:http + pg, named statement'],
  ] as const) {
    const baselineFigures = summary(runs[name]);
    rows.push(row(label, baselineFigures, '1.00'));
    rows.push(
      row('  app: GET /api/v1/patients', appFigures, verdict(appFigures.rate / baselineFigures.rate)),
    );
  }
  printTable(
    ['case', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'PostgreSQL CPU ms/req', 'vs baseline'],
    rows,
  );
  console.log(
    `\nAll: the same SELECT in a transaction with app.clinic_id set (row-level security), a pg Pool of ${poolMax}, JSON of the same ${pageSize} patients.` +
      `\nThe app sends the page as a named statement (parsed and planned once per connection); plain pg code sends it unnamed (every time).` +
      `\nThe app adds: rate limiting (IP, user, clinic budgets), Ed25519 JWT verification, routing and zod validation of the query,` +
      `\nan audit record per patient listed (one INSERT of ${pageSize} rows in the same transaction), request ids, metrics, a log line,` +
      `\nand the Web Request/Response adapter with its security headers.`,
  );
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  await database.drop();
}
