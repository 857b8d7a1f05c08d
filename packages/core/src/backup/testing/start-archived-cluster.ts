import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../net/free-port';
import { makeOwnedDirectory, writeOwnedFile } from '../owned-directory';
import { runPgBackRest, type PgBackRestRepository } from '../pgbackrest';
import { findPostgresBinDir, initCluster, startPostgres, type RunningPostgres } from '../postgres-server';

export interface ArchivedCluster {
  server: RunningPostgres;
  repository: PgBackRestRepository;
  binDir: string;
  /** The temporary directory holding the cluster, the repository and scratch restores. */
  root: string;
  /** Stops the server and removes everything under root. */
  close(): Promise<void>;
}

/**
 * A real PostgreSQL cluster in a temporary directory whose WAL pgBackRest archives into a
 * local repository in the same directory, with the stanza created: what a production server
 * configured from deploy/backup looks like, minus S3.
 */
export async function startArchivedCluster(): Promise<ArchivedCluster> {
  const binDir = findPostgresBinDir(process.env.POSTGRES_BINDIR);
  const root = await mkdtemp(path.join(tmpdir(), 'healthcare-pgbackrest-'));
  await makeOwnedDirectory(root);
  const dataDir = path.join(root, 'data');
  const configPath = path.join(root, 'pgbackrest.conf');
  const port = await freePort();
  const repository = { stanza: 'healthcare', configPath };
  await writeOwnedFile(
    configPath,
    [
      '[global]',
      `repo1-path=${root}/repository`,
      'repo1-retention-full=2',
      `log-path=${root}/log`,
      `lock-path=${root}/lock`,
      `spool-path=${root}/spool`,
      'log-level-file=off',
      'compress-type=zst',
      'start-fast=y',
      '',
      '[healthcare]',
      `pg1-path=${dataDir}`,
      `pg1-port=${port}`,
      `pg1-socket-path=${root}`,
      'pg1-user=postgres',
      '',
    ].join('\n'),
  );
  await initCluster(binDir, dataDir);
  const server = await startPostgres({
    binDir,
    dataDir,
    port,
    socketDir: root,
    logFile: path.join(root, 'postgres.log'),
    settings: {
      wal_level: 'replica',
      archive_mode: 'on',
      archive_command: `pgbackrest --config=${configPath} --stanza=healthcare archive-push %p`,
      fsync: 'off',
    },
  });
  try {
    await runPgBackRest(repository, 'stanza-create');
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
  return {
    server,
    repository,
    binDir,
    root,
    async close() {
      await server.stop().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
