import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '@healthcare/core/net/free-port';
import { makeOwnedDirectory, writeOwnedFile } from '@healthcare/core/backup/owned-directory';
import { runPgBackRest } from '@healthcare/core/backup/pgbackrest';
import {
  findPostgresBinDir,
  initCluster,
  startPostgres,
  withDatabase,
} from '@healthcare/core/backup/postgres-server';
import { restoreIntoScratch } from '@healthcare/core/backup/restore-into-scratch';
import { startS3rver } from '@healthcare/core/testing/start-s3rver';
// One file per model: the package's index modules load every kind Kubernetes has.
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import pg from 'pg';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const backupDir = path.dirname(fileURLToPath(import.meta.url));
const k8sDir = path.join(backupDir, 'k8s');
const models = new Map<string, { new (data: never): { validate(): void } }>([
  ['v1/ConfigMap', ConfigMap],
  ['batch/v1/CronJob', CronJob],
]);

const k8sObjects = readdirSync(k8sDir)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(k8sDir, file), 'utf8')).map((document) => ({
      file,
      object: document.toJSON() as { apiVersion: string; kind: string; metadata: { name: string } },
    })),
  );
const allObjects: unknown[] = k8sObjects.map(({ object }) => object);
const cronJobs = allObjects.filter(CronJob.is);

/** `key = value` (postgresql.conf) or `key=value` (pgbackrest.conf) lines, by section for the latter. */
function settingsOf(text: string, separator: '=' | ' = ') {
  const settings = new Map<string, string>();
  let section = '';
  for (const line of text.split('\n')) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) section = header[1]!;
    if (!line.includes(separator) || line.trimStart().startsWith('#')) continue;
    const at = line.indexOf(separator);
    settings.set(
      `${section ? `${section}.` : ''}${line.slice(0, at).trim()}`,
      line.slice(at + separator.length).trim(),
    );
  }
  return settings;
}

const pgbackrestConf = readFileSync(path.join(backupDir, 'pgbackrest.conf'), 'utf8');
const archivingConf = settingsOf(
  readFileSync(path.join(backupDir, 'postgresql-archiving.conf'), 'utf8'),
  ' = ',
);
const unquote = (value: string) => value.replace(/^'(.*)'$/, '$1');
const stanza = [...settingsOf(pgbackrestConf, '=').keys()]
  .map((key) => key.split('.')[0]!)
  .find((section) => section !== 'global')!;

describe('deploy/backup/k8s', () => {
  it.each(k8sObjects.map(({ file, object }) => [`${file}: ${object.kind} ${object.metadata.name}`, object]))(
    '%s is a valid Kubernetes object',
    (_name, object) => {
      const Model = models.get(`${object.apiVersion}/${object.kind}`);
      expect(Model, `${object.apiVersion}/${object.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate()).not.toThrow();
    },
  );

  it('schedules the weekly full, the daily differential and the weekly restore test after the full', () => {
    const schedules = Object.fromEntries(cronJobs.map((job) => [job.metadata!.name!, job.spec!.schedule]));
    expect(schedules).toEqual({
      'pgbackrest-full': '30 1 * * 0',
      'pgbackrest-diff': '30 1 * * 1-6',
      'healthcare-restore-test': '0 4 * * 0',
    });
    const configMap = allObjects.find(ConfigMap.is)!;
    for (const job of cronJobs) {
      const pod = job.spec!.jobTemplate.spec!.template.spec!;
      expect(job.spec!.concurrencyPolicy).toBe('Forbid');
      // Every job reads the same pgBackRest configuration, and the stanza the server archives to.
      expect(pod.volumes).toContainEqual({ name: 'config', configMap: { name: configMap.metadata!.name } });
      expect(pod.containers[0]!.args!.join(' ')).toContain(`--stanza=${stanza}`);
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
    }
    expect(configMap.data!['pgbackrest.conf']).toContain(`[${stanza}]`);
  });
});

describe('deploy/backup/postgresql-archiving.conf', () => {
  it('archives every WAL segment with pgbackrest archive-push to the configured stanza', () => {
    expect(unquote(archivingConf.get('archive_command')!)).toBe(
      `pgbackrest --stanza=${stanza} archive-push %p`,
    );
    expect(archivingConf.get('archive_mode')).toBe('on');
    expect(archivingConf.get('wal_level')).toBe('replica');
  });
});

const run = promisify(execFile);
const tableChecksum =
  "select count(*)::int as rows, md5(string_agg(digest, '' order by n)) as checksum from kept";

/**
 * The shipped pgbackrest.conf, line for line, with only what cannot be the same in a test
 * changed: S3 is a local s3rver (HTTPS, path-style, its fixed keys), and the paths and the
 * port are a temporary directory's.
 */
function renderForTest(overrides: Record<string, string>, added: Record<string, string>) {
  const lines = pgbackrestConf.split('\n').map((line) => {
    const key = /^([\w-]+)=/.exec(line)?.[1];
    return key && key in overrides ? `${key}=${overrides[key]}` : line;
  });
  const globalAt = lines.indexOf('[global]');
  lines.splice(globalAt + 1, 0, ...Object.entries(added).map(([key, value]) => `${key}=${value}`));
  return lines.join('\n');
}

describe('deploy/backup/pgbackrest.conf', () => {
  it('backs up a real cluster to both repositories, S3 encrypted, with WAL archived by the shipped archive_command, and restores from S3', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'healthcare-backup-config-'));
    await makeOwnedDirectory(root);
    const keyFile = path.join(root, 'tls.key');
    const certFile = path.join(root, 'tls.crt');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);
    const shipped = settingsOf(pgbackrestConf, '=');
    const bucket = shipped.get('global.repo1-s3-bucket')!;
    const s3 = await startS3rver({ bucket, tls: { keyFile, certFile } });
    const binDir = findPostgresBinDir(process.env.POSTGRES_BINDIR);
    const dataDir = path.join(root, 'data');
    const port = await freePort();
    const configPath = path.join(root, 'pgbackrest.conf');
    const s3Port = new URL(s3.config.endpoint!).port;
    await writeOwnedFile(
      configPath,
      renderForTest(
        {
          'repo1-s3-endpoint': '127.0.0.1',
          'repo1-s3-key-type': 'shared',
          'repo2-path': path.join(root, 'repo2'),
          'spool-path': path.join(root, 'spool'),
          'log-path': path.join(root, 'log'),
          'pg1-path': dataDir,
          'pg1-port': String(port),
          'pg1-socket-path': root,
        },
        {
          'repo1-storage-port': s3Port,
          'repo1-storage-verify-tls': 'n',
          'repo1-s3-uri-style': 'path',
          'repo1-s3-key': 'S3RVER',
          'repo1-s3-key-secret': 'S3RVER',
          'lock-path': path.join(root, 'lock'),
        },
      ),
    );
    for (const dir of ['repo2', 'spool', 'log', 'lock']) await makeOwnedDirectory(path.join(root, dir));
    // checksum-page=y wants page checksums, as the README's initdb -k gives production.
    await initCluster(binDir, dataDir, { dataChecksums: true });
    const settings = Object.fromEntries([...archivingConf].map(([key, value]) => [key, unquote(value)]));
    const server = await startPostgres({
      binDir,
      dataDir,
      port,
      socketDir: root,
      logFile: path.join(root, 'postgres.log'),
      settings: {
        ...settings,
        // The shipped command, told where this test's configuration is.
        archive_command: settings.archive_command!.replace(
          'pgbackrest ',
          `pgbackrest --config=${configPath} `,
        ),
        fsync: 'off',
      },
    });
    const repository = { stanza, configPath };
    // Warnings to the returned output: an unknown or misspelt option is only ever a warning.
    const pgbackrest = (command: string, options: string[] = []) =>
      runPgBackRest(repository, command, ['--log-level-stderr=off', ...options]);
    try {
      const ownerUrl = withDatabase(server.url, 'postgres');
      const client = new pg.Client({ connectionString: ownerUrl });
      await client.connect();
      await client.query(
        'create table kept as select n, md5(n::text) as digest from generate_series(1, 5000) n',
      );
      const before = (await client.query(tableChecksum)).rows[0];
      await client.end();

      const outputs = [
        await pgbackrest('stanza-create'),
        await pgbackrest('check'),
        await pgbackrest('backup', ['--type=full', '--repo=1']),
        await pgbackrest('backup', ['--type=full', '--repo=2']),
      ];
      expect(outputs.join('\n')).not.toMatch(/WARN|ERROR/);

      const [info] = JSON.parse(await pgbackrest('info', ['--output=json'])) as [
        {
          status: { code: number };
          backup: { type: string; database: { 'repo-key': number } }[];
          archive: { database: { 'repo-key': number }; max: string | null }[];
          repo: { key: number; cipher: string; status: { code: number } }[];
        },
      ];
      expect(info.status.code).toBe(0);
      expect(info.backup.map((backup) => [backup.database['repo-key'], backup.type])).toEqual([
        [1, 'full'],
        [2, 'full'],
      ]);
      // WAL reaches both repositories; the S3 one is encrypted with the passphrase.
      expect(info.archive.map((archive) => archive.database['repo-key']).sort()).toEqual([1, 2]);
      expect(info.archive.every((archive) => archive.max !== null)).toBe(true);
      expect(info.repo.map((repo) => [repo.key, repo.cipher, repo.status.code])).toEqual([
        [1, 'aes-256-cbc', 0],
        [2, 'none', 0],
      ]);
      // And back, from the first repository (S3): the table as it was.
      const scratch = await restoreIntoScratch({
        repository,
        target: { kind: 'latest' },
        workDir: path.join(root, 'restored'),
        port: await freePort(),
        binDir,
      });
      try {
        const restored = new pg.Client({ connectionString: withDatabase(scratch.url, 'postgres') });
        await restored.connect();
        const after = (await restored.query(tableChecksum)).rows[0];
        await restored.end();
        expect(after).toEqual(before);
        expect(after.rows).toBe(5000);
      } finally {
        await scratch.stop();
      }
    } finally {
      await server.stop().catch(() => undefined);
      await s3.stop();
      await rm(root, { recursive: true, force: true });
    }
  }, 300_000);
});
