import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@healthcare/core/net/free-port';
import { makeOwnedDirectory } from '@healthcare/core/backup/owned-directory';
import {
  findPostgresBinDir,
  initCluster,
  startPostgres,
  type RunningPostgres,
} from '@healthcare/core/backup/postgres-server';

export interface OwnedPostgresCluster {
  /** The superuser's login over TCP on loopback (trust). */
  url: string;
  /** Stops the server the way an operator's restart does: connections are cut, nothing waits. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own in a temporary directory, so the test may stop and start
 * it without disturbing the server every other test file shares.
 */
export async function startOwnedPostgresCluster(): Promise<OwnedPostgresCluster> {
  const binDir = findPostgresBinDir(process.env.POSTGRES_BINDIR);
  const root = await mkdtemp(path.join(tmpdir(), 'healthcare-fault-pg-'));
  await makeOwnedDirectory(root);
  const dataDir = path.join(root, 'data');
  await initCluster(binDir, dataDir);
  const options = {
    binDir,
    dataDir,
    port: await freePort(),
    socketDir: root,
    logFile: path.join(root, 'postgres.log'),
    // Durability across a clean fast shutdown does not depend on fsync; the test runs faster without.
    settings: { fsync: 'off' },
  };
  let server: RunningPostgres | undefined = await startPostgres(options);
  const url = server.url;
  return {
    url,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server ??= await startPostgres(options);
    },
    async close() {
      await server?.stop().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
