import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeOwnedDirectory, writeOwnedFile } from './owned-directory';
import { restoreBackup, type PgBackRestRepository, type RestoreTarget } from './pgbackrest';
import {
  findPostgresBinDir,
  logTail,
  startPostgres,
  waitUntilPromoted,
  type RunningPostgres,
} from './postgres-server';

/**
 * Restores a backup into `workDir` and starts it as a scratch server on `port`: loopback only,
 * trust for local logins (our own pg_hba.conf, whatever the backup's said), no archiving.
 * Debian keeps postgresql.conf outside the data directory; then the copy runs on defaults.
 */
export async function restoreIntoScratch(options: {
  repository: PgBackRestRepository;
  target: RestoreTarget;
  workDir: string;
  port: number;
  /** Absent: the installed binaries of the restored cluster's major version. */
  binDir?: string | undefined;
  superuser?: string;
}): Promise<RunningPostgres> {
  const dataDir = path.join(options.workDir, 'data');
  await makeOwnedDirectory(options.workDir);
  await makeOwnedDirectory(dataDir);
  await restoreBackup(options.repository, dataDir, options.target);
  if (!existsSync(path.join(dataDir, 'postgresql.conf'))) {
    await writeOwnedFile(path.join(dataDir, 'postgresql.conf'), '');
  }
  const hbaFile = path.join(options.workDir, 'pg_hba.conf');
  const identFile = path.join(options.workDir, 'pg_ident.conf');
  await writeOwnedFile(hbaFile, 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  await writeOwnedFile(identFile, '');
  const logFile = path.join(options.workDir, 'postgres.log');
  const version = (await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim();
  const server = await startPostgres({
    binDir: findPostgresBinDir(options.binDir, version),
    dataDir,
    port: options.port,
    socketDir: options.workDir,
    logFile,
    settings: {
      hba_file: hbaFile,
      ident_file: identFile,
      archive_mode: 'off',
      // A copy restored on a small machine must not need the production server's memory.
      // (Connection and worker limits stay: recovery refuses values below the primary's.)
      shared_buffers: '128MB',
    },
  });
  const superuser = options.superuser ?? 'postgres';
  const url = server.url.replace('postgres@', `${encodeURIComponent(superuser)}@`);
  try {
    await waitUntilPromoted(url);
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new Error(`The restored copy did not finish recovery.${await logTail(logFile)}`, { cause: error });
  }
  return { ...server, url };
}
