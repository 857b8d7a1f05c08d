/**
 * bench/scale: authenticated `GET /api/v1/patients?limit=20` through the project's NGINX (TLS,
 * ModSecurity + OWASP CRS) in front of one web replica, then two (one database, Redis for the
 * shared rate limiter: the cluster setup), measured in alternating rounds in the same run. The
 * baseline is one replica. On this machine every process shares the same few cores, so the
 * measured ratio says little about a cluster; the CPU each tier spends per request (from /proc)
 * feeds a simple model of how a cluster grows with replicas. `npm run bench:scale`;
 * BENCH_SCALE_SECONDS sets each round (default 8), BENCH_SCALE_DB_CORES and BENCH_SCALE_EDGE_CORES
 * the cores the model gives PostgreSQL (default 4) and NGINX (default 2).
 */
import { generateKeyPairSync } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { createTestDatabase, testServerUrl } from '@healthcare/core/testing/test-database';
import { measureLoad, type LoadFigures } from '../common/load';
import { describeMachine } from '../common/machine';
import { median } from '../common/measure';
import { printTable } from '../common/print-table';
import { childPids, databaseBackendPids, totalCpuSeconds } from '../common/process-cpu';
import { seedClinic } from '../common/seed-clinic';
import { startApp } from '../common/start-app';
import { predictThroughput, type CpuPerRequest } from './scaling-model';
import { startNginxEdge } from '../../scripts/start-nginx-edge';

const patientCount = 3000;
const seconds = Number(process.env.BENCH_SCALE_SECONDS ?? 8);
const connections = 32;
const rounds = 2;
const cores = {
  database: Number(process.env.BENCH_SCALE_DB_CORES ?? 4),
  edge: Number(process.env.BENCH_SCALE_EDGE_CORES ?? 2),
};
// A logical database of its own on the shared Redis, so these counters never meet a test's.
// The edge's per-address rate is raised out of the way: every benchmark client shares one address.
const startEdge = (upstreams: string[]) =>
  startNginxEdge({ upstreams, ratePerSecond: 1_000_000, rateBurst: 1_000_000, authRatePerMinute: 600 });
const redisUrl = process.env.BENCH_SCALE_REDIS_URL ?? 'redis://127.0.0.1:6379/9';

const database = await createTestDatabase({ prefix: 'healthcare_bench' });
const stops: (() => Promise<void>)[] = [];
try {
  console.log(
    `bench/scale: GET /api/v1/patients?limit=20 through NGINX (TLS, ModSecurity) to 1 and 2 web replicas, ${connections} connections, ${rounds} alternating rounds of ${seconds} s each`,
  );
  console.log(`machine: ${describeMachine()}\n`);
  const environment = {
    DATABASE_URL: database.appUrl,
    REDIS_URL: redisUrl,
    RUN_WORKER: 'false',
    TRUST_PROXY_HOPS: '1',
    STORAGE_DIR: '/tmp/healthcare-bench-scale-unused',
    // One signing key for both replicas, as in production: either verifies the other's tokens.
    AUTH_JWT_PRIVATE_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
  const replicas = [await startApp(environment), await startApp(environment)];
  for (const replica of replicas) stops.push(replica.stop);
  const { accessToken } = await seedClinic(replicas[0]!.baseUrl, database.appUrl, patientCount);
  const edges = {
    one: await startEdge([`127.0.0.1:${replicas[0]!.port}`]),
    two: await startEdge(replicas.map((replica) => `127.0.0.1:${replica.port}`)),
  };
  stops.push(edges.one.stop, edges.two.stop);
  const edgeWorkers = { one: await childPids(edges.one.pid), two: await childPids(edges.two.pid) };
  const load = (edge: keyof typeof edges, duration: number) =>
    measureLoad({
      url: `${edges[edge].baseUrl}/api/v1/patients?limit=20`,
      headers: { authorization: `Bearer ${accessToken}` },
      connections,
      seconds: duration,
    });

  // Warm both paths (JIT in each replica, pools, TLS sessions, PostgreSQL's caches).
  await load('one', 2);
  await load('two', 2);
  const backends = await databaseBackendPids(testServerUrl(), new URL(database.ownerUrl).pathname.slice(1));
  const replicaPids = replicas.map((replica) => replica.pid);
  type Round = LoadFigures & { cpu: CpuPerRequest };
  const measureRound = async (edge: keyof typeof edges): Promise<Round> => {
    const tiers = [replicaPids, backends, edgeWorkers[edge]];
    const before = await Promise.all(tiers.map(totalCpuSeconds));
    const figures = await load(edge, seconds);
    const after = await Promise.all(tiers.map(totalCpuSeconds));
    const perRequest = (index: number) => (after[index]! - before[index]!) / figures.ok;
    return { ...figures, cpu: { replica: perRequest(0), database: perRequest(1), edge: perRequest(2) } };
  };
  const runs: Record<keyof typeof edges, Round[]> = { one: [], two: [] };
  for (let round = 0; round < rounds; round++) {
    runs.one.push(await measureRound('one'));
    runs.two.push(await measureRound('two'));
  }
  const summary = (figures: Round[]) => ({
    rate: median(figures.map((figure) => figure.requestsPerSecond)),
    p50: median(figures.map((figure) => figure.p50Ms)),
    p99: median(figures.map((figure) => figure.p99Ms)),
    cpu: {
      replica: median(figures.map((figure) => figure.cpu.replica)),
      database: median(figures.map((figure) => figure.cpu.database)),
      edge: median(figures.map((figure) => figure.cpu.edge)),
    },
  });
  const one = summary(runs.one);
  const two = summary(runs.two);
  const ms = (secondsPerRequest: number) => (secondsPerRequest * 1000).toFixed(2);
  const row = (name: string, figures: typeof one, ratio: string) => [
    name,
    figures.rate.toFixed(0),
    figures.p50.toFixed(1),
    figures.p99.toFixed(1),
    ms(figures.cpu.replica),
    ms(figures.cpu.database),
    ms(figures.cpu.edge),
    ratio,
  ];
  printTable(
    ['case', 'req/s', 'p50 ms', 'p99 ms', 'replica CPU ms/req', 'PostgreSQL', 'NGINX', 'vs 1 replica'],
    [
      row('NGINX → 1 replica (baseline)', one, '1.00'),
      row('NGINX → 2 replicas', two, (two.rate / one.rate).toFixed(2)),
    ],
  );
  console.log(
    `\nCaveat: both replicas, NGINX, PostgreSQL and the load generator share this machine's ${availableParallelism()} cores,` +
      `\nso a second replica adds no CPU here: the ratio shows the cost of the extra hop and processes, not cluster scaling.`,
  );

  // The model uses the two-replica rounds: the cluster's own configuration.
  console.log(
    `\nScaling model: each replica on a core of its own, PostgreSQL on ${cores.database} cores, NGINX on ${cores.edge}.` +
      `\n  X(N) = min(N / c_replica, ${cores.database} / c_postgres, ${cores.edge} / c_nginx), c = CPU seconds per request measured above` +
      `\n  (c_replica ${ms(two.cpu.replica)} ms, c_postgres ${ms(two.cpu.database)} ms, c_nginx ${ms(two.cpu.edge)} ms).` +
      `\n  CPU only: network hops, PostgreSQL lock and WAL contention are left out, so read it as an upper bound.\n`,
  );
  printTable(
    ['replicas', 'predicted req/s', 'limited by'],
    [1, 2, 4, 8, 16, 32].map((replicaCount) => {
      const prediction = predictThroughput(replicaCount, two.cpu, cores);
      return [String(replicaCount), prediction.requestsPerSecond.toFixed(0), prediction.limit];
    }),
  );
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  await database.drop();
}
