import { queryOnce } from '../testing/query-once';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordRestorePoint } from '@healthcare/core/backup/record-restore-point';
import { runPgBackRest } from '@healthcare/core/backup/pgbackrest';
import { withDatabase } from '@healthcare/core/backup/postgres-server';
import { restoreIntoScratch } from '@healthcare/core/backup/restore-into-scratch';
import { freePort } from '@healthcare/core/net/free-port';
import {
  startArchivedCluster,
  type ArchivedCluster,
} from '@healthcare/core/backup/testing/start-archived-cluster';
import { verifyRestoredDatabase } from '@healthcare/core/backup/verify-restored-database';
import { appRoleUrl, migrateDatabase } from '@healthcare/core/db/migrate-database';
import { noteVersions } from '@healthcare/core/db/schema/note-versions';
import { notes } from '@healthcare/core/db/schema/notes';
import { withTenant } from '@healthcare/core/db/with-tenant';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, signUpClinic } from '../testing/api-client';
import { createEncounter } from '../testing/clinic-fixtures';
import { startTestApp, type TestApp } from '../testing/start-test-app';

let cluster: ArchivedCluster;
let testApp: TestApp;
let ownerUrl: string;
const api = apiClient(() => testApp.baseUrl);

beforeAll(async () => {
  cluster = await startArchivedCluster();
  await queryOnce(cluster.server.url, 'create database healthcare');
  ownerUrl = withDatabase(cluster.server.url, 'healthcare');
  await migrateDatabase(ownerUrl);
  testApp = await startTestApp({ DATABASE_URL: appRoleUrl(ownerUrl) });
}, 180_000);

afterAll(async () => {
  await testApp?.close();
  await cluster?.close();
});

/** A clinic with its admin, patients, an encounter each and a note, all through the app's own code. */
async function seedClinic(label: string) {
  const signedUp = await signUpClinic(api, label);
  const clinic = { ...signedUp, clinicId: signedUp.session.clinic.id as string };
  const patientIds: string[] = [];
  for (const name of [`${label} Ana Souza`, `${label} João Lima`]) {
    const patient = await api.post(
      '/api/v1/patients',
      { name, birthDate: '1980-02-03', sex: 'female' },
      clinic.token,
    );
    expect(patient.status).toBe(201);
    patientIds.push(patient.body.id as string);
  }
  for (const patientId of patientIds) {
    const encounterId = await createEncounter(api, clinic.token, patientId);
    await withTenant(testApp.app.db, clinic.clinicId, async (tx) => {
      const [note] = await tx
        .insert(notes)
        .values({
          clinicId: clinic.clinicId,
          encounterId,
          currentVersion: 1,
          template: 'soap',
          language: 'pt-BR',
        })
        .returning();
      await tx.insert(noteVersions).values({
        clinicId: clinic.clinicId,
        noteId: note!.id,
        version: 1,
        source: 'generated',
        sections: [
          {
            key: 'subjective',
            title: 'Subjetivo',
            items: [{ id: 'a', text: `${label}: cefaleia há 2 dias`, evidence: [], flags: [] }],
          },
        ],
      });
    });
  }
  return { ...clinic, patientIds };
}

/**
 * A year of a busy clinic's audit trail, so that the backup is about the size measured on these
 * machines (pgBackRest 2.45: a 56 MB database backed up in 5.3 s, restored in 4.3 s). Bulk rows
 * go in as the owner in one statement; the clinics and patients they name came through the app.
 */
async function seedAuditTrail(clinic: { clinicId: string; patientIds: string[] }, rows: number) {
  await queryOnce(
    ownerUrl,
    `insert into audit_events (clinic_id, actor_user_id, action, resource_type, resource_id, patient_id, request_id, ip, details, occurred_at)
     select $1::uuid, (select id from users where clinic_id = $1::uuid limit 1),
            (array['patient.read', 'encounter.read', 'note.read', 'note.update', 'document.read'])[1 + n % 5],
            'patient', ($2::uuid[])[1 + n % 2], ($2::uuid[])[1 + n % 2], gen_random_uuid()::text,
            ('10.0.' || (n % 250) || '.' || (n % 200))::inet,
            jsonb_build_object('version', n % 7, 'bytes', n * 13 % 100000, 'fromCache', n % 2 = 0),
            now() - make_interval(secs => n * 300)
       from generate_series(1, $3::int) n`,
    [clinic.clinicId, clinic.patientIds, rows],
  );
}

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

it('restores to a point in time: the recorded checksums match exactly, later writes are absent, and a planted corruption fails the check', async () => {
  const beforeBackup = await seedClinic('Before backup');
  await seedAuditTrail(beforeBackup, 125_000);
  const [{ size }] = (await queryOnce(ownerUrl, "select pg_database_size('healthcare')::bigint as size")) as [
    { size: string },
  ];
  expect(Number(size)).toBeGreaterThan(50 * 1024 * 1024);
  const backupStarted = performance.now();
  await runPgBackRest(cluster.repository, 'backup', ['--type=full']);
  console.info(
    `pgBackRest full backup of a ${(Number(size) / 1024 / 1024).toFixed(0)} MB database: ${seconds(backupStarted)} s`,
  );
  // pgBackRest keeps a backup's stop time in whole seconds and restores by time only from a
  // backup that stopped strictly before the target: the point must fall in a later second.
  await new Promise((resolve) => setTimeout(resolve, 2_000 - (Date.now() % 1_000)));
  const afterBackup = await seedClinic('After backup');
  const manifest = await recordRestorePoint(ownerUrl);
  const later = await seedClinic('After the point');
  // Archives the segment holding the later commits: replay must see one to know where to stop.
  await runPgBackRest(cluster.repository, 'check');

  const patientCount = manifest.tables.find((entry) => entry.table === 'public.patients')?.rows;
  expect(patientCount).toBe(4);
  const restoreStarted = performance.now();
  const scratch = await restoreIntoScratch({
    repository: cluster.repository,
    target: { kind: 'time', time: manifest.recordedAt },
    workDir: path.join(cluster.root, 'restore-by-time'),
    port: await freePort(),
    binDir: cluster.binDir,
  });
  console.info(`Restore to a point in time, server up: ${seconds(restoreStarted)} s`);
  try {
    const restoredUrl = withDatabase(scratch.url, 'healthcare');
    const report = await verifyRestoredDatabase(restoredUrl, manifest);
    expect(report.differences).toEqual([]);
    expect(report.migrations).toMatchObject({
      sameAsRecorded: true,
      pending: 0,
      unknown: 0,
      migrateError: undefined,
    });
    expect(report.ok).toBe(true);

    const restoredPatients = (await queryOnce(restoredUrl, 'select id from patients')).map(
      (row) => row.id as string,
    );
    expect(restoredPatients).toEqual(expect.arrayContaining(afterBackup.patientIds));
    expect(restoredPatients).toHaveLength(4);
    const laterClinics = await queryOnce(restoredUrl, 'select id from clinics where id = $1', [
      later.clinicId,
    ]);
    expect(laterClinics).toEqual([]);

    // One changed character in one note: the same row count, another checksum.
    await queryOnce(
      restoredUrl,
      "update note_versions set sections = jsonb_set(sections, '{0,items,0,text}', '\"cefaleia há 3 dias\"') where note_id = (select min(note_id::text)::uuid from note_versions)",
    );
    const corrupted = await verifyRestoredDatabase(restoredUrl, manifest);
    expect(corrupted.ok).toBe(false);
    expect(corrupted.differences).toEqual([
      expect.objectContaining({
        table: 'public.note_versions',
        expected: expect.objectContaining({ rows: 4 }),
      }),
    ]);
  } finally {
    await scratch.stop();
  }
}, 180_000);

const repositoryRoot = fileURLToPath(new URL('../../../../..', import.meta.url));

function runRestoreTest(args: string[]) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(
      path.join(repositoryRoot, 'scripts/restore-test'),
      ['--stanza', cluster.repository.stanza, '--config', cluster.repository.configPath!, ...args],
      { cwd: cluster.root },
      (error, stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, output: stdout + stderr }),
    );
  });
}

it('scripts/restore-test records, restores to the restore point and reports; a manifest that disagrees exits 1', async () => {
  await seedClinic('Scheduled check');
  const manifest = path.join(cluster.root, 'manifest.json');
  const passed = await runRestoreTest(['--database-url', ownerUrl, '--manifest', manifest]);
  expect(passed.output).toMatch(/Restore test: PASSED/);
  expect(passed.output).toMatch(/public\.patients\s+\d+\s+same/);
  expect(passed.code).toBe(0);

  const recorded = JSON.parse(await readFile(manifest, 'utf8'));
  const patients = recorded.tables.find((entry: { table: string }) => entry.table === 'public.patients');
  patients.checksum = '1';
  await writeFile(manifest, JSON.stringify(recorded));
  const failed = await runRestoreTest(['verify', '--manifest', manifest]);
  expect(failed.output).toMatch(/Restore test: FAILED/);
  expect(failed.output).toMatch(/public\.patients\s+\d+\s+content differs/);
  expect(failed.code).toBe(1);

  // --latest: the newest backup and every archived WAL segment, as after losing the server.
  const latestManifest = path.join(cluster.root, 'latest-manifest.json');
  const latest = await runRestoreTest(['--database-url', ownerUrl, '--manifest', latestManifest, '--latest']);
  expect(latest.output).toMatch(/the end of the archived WAL/);
  expect(latest.output).toMatch(/Restore test: PASSED/);
  expect(latest.code).toBe(0);
  console.info(`scripts/restore-test --latest: ${/Restored and checked in .+/.exec(latest.output)?.[0]}`);
}, 240_000);
