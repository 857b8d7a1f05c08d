import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readBackupManifest, writeBackupManifest } from './backup-manifest';
import { makeOwnedDirectory } from './owned-directory';
import { describeTarget, runPgBackRest, type RestoreTarget } from './pgbackrest';
import { freePort } from '../net/free-port';
import { withDatabase } from './postgres-server';
import { recordRestorePoint } from './record-restore-point';
import { restoreIntoScratch } from './restore-into-scratch';
import { formatRestoreReport, verifyRestoredDatabase } from './verify-restored-database';

const usage = `Usage: npm run restore-test -- [record|verify] [options]

  (no command)  record, then verify: the scheduled production check
  record        fingerprint the live database at a new restore point, write the manifest
  verify        restore into a scratch server, compare with the manifest, print a report

Options:
  --database-url URL   the live database, owner login (record)
  --manifest FILE      manifest to write (record) or read (verify); default ./restore-test-manifest.json
  --stanza NAME        pgBackRest stanza (default healthcare)
  --config FILE        pgBackRest configuration (default /etc/pgbackrest/pgbackrest.conf)
  --target-name NAME   restore to this restore point (default: the manifest's)
  --target-time TIME   restore to this time instead, e.g. "2026-11-29 05:14:41.146925+00"
  --latest             restore to the end of the archived WAL instead
  --port N             scratch server port (default: a free one)
  --bindir DIR         PostgreSQL server binaries (default: /usr/lib/postgresql/N/bin of the backup's version)
  --work-dir DIR       where the scratch copy goes (default: a new temporary directory, removed after)
  --superuser NAME     superuser of the restored cluster (default postgres)

Exit status: 0 the restored copy matches; 1 it differs; 2 the test could not run.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'database-url': { type: 'string' },
    manifest: { type: 'string', default: 'restore-test-manifest.json' },
    stanza: { type: 'string', default: 'healthcare' },
    config: { type: 'string' },
    'target-name': { type: 'string' },
    'target-time': { type: 'string' },
    latest: { type: 'boolean', default: false },
    port: { type: 'string' },
    bindir: { type: 'string' },
    'work-dir': { type: 'string' },
    superuser: { type: 'string', default: 'postgres' },
    help: { type: 'boolean', default: false },
  },
});

const command = positionals[0] ?? 'all';
if (values.help || !['all', 'record', 'verify'].includes(command)) {
  process.stdout.write(`${usage}\n`);
  process.exit(values.help ? 0 : 2);
}
const repository = { stanza: values.stanza, configPath: values.config };
const manifestFile = path.resolve(values.manifest);

try {
  if (command !== 'verify') await record();
  if (command !== 'record') process.exitCode = (await verify()) ? 0 : 1;
} catch (error) {
  process.stderr.write(
    `Restore test could not run: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 2;
}

async function record() {
  const databaseUrl = values['database-url'];
  if (!databaseUrl)
    throw new Error('--database-url (the owner login of the live database) is required to record.');
  const manifest = await recordRestorePoint(databaseUrl);
  await writeBackupManifest(manifestFile, manifest);
  // Waits until the WAL holding the restore point is in the repository.
  await runPgBackRest(repository, 'check');
  process.stdout.write(
    `Recorded ${manifest.tables.length} tables at ${manifest.recordedAt} (${manifest.restorePoint}).\n`,
  );
}

async function verify(): Promise<boolean> {
  const manifest = await readBackupManifest(manifestFile);
  const target: RestoreTarget = values.latest
    ? { kind: 'latest' }
    : values['target-time']
      ? { kind: 'time', time: values['target-time'] }
      : { kind: 'name', name: values['target-name'] ?? manifest.restorePoint };
  const workDir = values['work-dir'] ?? (await mkdtemp(path.join(tmpdir(), 'healthcare-restore-test-')));
  await makeOwnedDirectory(workDir);
  const started = Date.now();
  const scratch = await restoreIntoScratch({
    repository,
    target,
    workDir: path.join(workDir, 'scratch'),
    port: values.port ? Number(values.port) : await freePort(),
    binDir: values.bindir,
    superuser: values.superuser,
  });
  try {
    const report = await verifyRestoredDatabase(withDatabase(scratch.url, manifest.database), manifest);
    process.stdout.write(`${formatRestoreReport(report, describeTarget(target))}\n`);
    process.stdout.write(`Restored and checked in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return report.ok;
  } finally {
    await scratch.stop().catch(() => undefined);
    if (!values['work-dir']) await rm(workDir, { recursive: true, force: true });
  }
}
