import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { runProgram } from './run-program';

export interface RunningPostgres {
  /** The superuser's login over TCP on loopback (trust). */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Debian installs each major version under /usr/lib/postgresql/N/bin: `version` (a data
 * directory's PG_VERSION) picks that one, otherwise the newest is used.
 */
export function findPostgresBinDir(preferred?: string, version?: string): string {
  if (preferred) return preferred;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && (version === undefined || name === version))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const found = versions
    .map((candidate) => path.join(root, candidate, 'bin'))
    .find((dir) => existsSync(path.join(dir, 'pg_ctl')));
  if (!found) {
    const which = version ? `PostgreSQL ${version}` : 'PostgreSQL';
    throw new Error(
      `No ${which} server binaries were found under /usr/lib/postgresql. Install the matching postgresql package or pass --bindir.`,
    );
  }
  return found;
}

/** A new cluster for tests and scratch restores: trust authentication, superuser "postgres". */
export async function initCluster(
  binDir: string,
  dataDir: string,
  options: { dataChecksums?: boolean } = {},
): Promise<void> {
  await runProgram(
    path.join(binDir, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
      ...(options.dataChecksums ? ['--data-checksums'] : []),
    ],
    { asClusterOwner: true },
  );
}

/**
 * Starts a server on loopback only. `settings` are passed on the command line, so they win over
 * whatever postgresql.conf a restored backup brought along (its port, its archive_command).
 */
export async function startPostgres(options: {
  binDir: string;
  dataDir: string;
  port: number;
  socketDir: string;
  logFile: string;
  settings?: Record<string, string>;
}): Promise<RunningPostgres> {
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(options.port),
    unix_socket_directories: options.socketDir,
    ...options.settings,
  };
  const serverOptions = Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${quoteOption(value)}`)
    .join(' ');
  const pgCtl = path.join(options.binDir, 'pg_ctl');
  try {
    await runProgram(
      pgCtl,
      ['-D', options.dataDir, '-l', options.logFile, '-o', serverOptions, '-w', '-t', '300', 'start'],
      { asClusterOwner: true },
    );
  } catch (error) {
    throw new Error(`PostgreSQL did not start on port ${options.port}.${await logTail(options.logFile)}`, {
      cause: error,
    });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    dataDir: options.dataDir,
    stop: () =>
      runProgram(pgCtl, ['-D', options.dataDir, '-m', 'fast', '-w', 'stop'], { asClusterOwner: true }).then(
        () => undefined,
      ),
  };
}

/** pg_ctl passes -o through the shell: anything but plain words goes in single quotes. */
function quoteOption(value: string): string {
  return /^[\w./:-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/** After a point-in-time restore the server replays WAL before it accepts writes. */
export async function waitUntilPromoted(url: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ recovering: boolean }>(
        'select pg_is_in_recovery() as recovering',
      );
      if (!rows[0]?.recovering) return;
    } catch {
      // Still starting up; try again below.
    } finally {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) {
      throw new Error('The restored server did not finish recovery in time; see its log file.');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The server log's last lines, for an error message: what PostgreSQL said when it stopped. */
export async function logTail(logFile: string, lines = 12): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  const tail = text.trimEnd().split('\n').slice(-lines).join('\n');
  return tail ? ` Its log (${logFile}) ends with:\n${tail}` : '';
}
