import { readFile, readdir } from 'node:fs/promises';
import pg from 'pg';

// /proc counts CPU time in clock ticks; 100 per second on every Linux build we run on.
const ticksPerSecond = 100;

/** User + system CPU seconds a process has used so far (all its threads), from /proc/<pid>/stat. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** CPU seconds of several processes together; one that has exited counts as nothing more. */
export async function totalCpuSeconds(pids: number[]): Promise<number> {
  const each = await Promise.all(pids.map((pid) => processCpuSeconds(pid).catch(() => 0)));
  return each.reduce((sum, seconds) => sum + seconds, 0);
}

/** The worker processes of a master (NGINX's), found through their parent pid. */
export async function childPids(parentPid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === parentPid) children.push(Number(entry));
  }
  return children;
}

/**
 * The PostgreSQL backends serving one database: the connections the app's and the baseline's
 * pools hold open. Only meaningful when PostgreSQL runs on this machine (the bench's default).
 */
export async function databaseBackendPids(serverUrl: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}
