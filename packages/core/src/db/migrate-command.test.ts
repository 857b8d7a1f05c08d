import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcessEnvironment } from '../config/load-config';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { migrationsFolder } from './migrate-database';

const run = promisify(execFile);
const repositoryRoot = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(repositoryRoot, 'node_modules/.bin/tsx');
const privateKey = (await import('node:crypto'))
  .generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

let empty: TestDatabase;
beforeAll(async () => {
  empty = await createTestDatabase({ prefix: 'healthcare_migrate', migrate: false });
});
afterAll(() => empty.drop());

const migrate = (extra: Record<string, string>) =>
  run(tsx, ['packages/core/src/db/migrate-command.ts'], {
    cwd: repositoryRoot,
    env: childProcessEnvironment({
      LOG_LEVEL: 'info',
      AUTH_JWT_PRIVATE_KEY: privateKey,
      S3_BUCKET: 'unused-by-migrations',
      ...extra,
    }),
  });

describe('npm run db:migrate', () => {
  it('should migrate an empty database as the owner, and do nothing the second time', async () => {
    const environment = {
      DATABASE_URL: empty.appUrl,
      DATABASE_MIGRATION_URL: empty.ownerUrl,
      DATABASE_APP_PASSWORD: 'app-secret',
    };
    await migrate(environment);
    await migrate(environment);
    const client = new pg.Client(empty.ownerUrl);
    await client.connect();
    try {
      const applied = await client.query('select count(*)::int as count from drizzle.__drizzle_migrations');
      const migrationFiles = (await readdir(migrationsFolder)).filter((file) => file.endsWith('.sql'));
      expect(applied.rows[0].count).toBe(migrationFiles.length);
      const tables = await client.query(
        `select tablename, rowsecurity from pg_tables where schemaname = 'public' order by tablename`,
      );
      // Every table the application can reach is a tenant table under row-level security.
      expect(tables.rows.length).toBeGreaterThanOrEqual(5);
      for (const table of tables.rows) expect(table, table.tablename).toMatchObject({ rowsecurity: true });
    } finally {
      await client.end();
    }
  });

  it('should refuse to run without the owner login, naming what to set', async () => {
    await expect(migrate({ DATABASE_URL: empty.appUrl })).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('DATABASE_MIGRATION_URL'),
    });
  });
});

describe('committed migrations', () => {
  it('should match the Drizzle schema exactly (no change left ungenerated)', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-drizzle-'));
    try {
      await run('cp', ['-r', `${migrationsFolder}/.`, scratch]);
      const { stdout } = await run(
        path.join(repositoryRoot, 'node_modules/.bin/drizzle-kit'),
        [
          'generate',
          '--dialect',
          'postgresql',
          '--schema',
          'packages/core/src/db/schema/index.ts',
          '--out',
          path.relative(repositoryRoot, scratch),
        ],
        { cwd: repositoryRoot },
      );
      expect(stdout).toContain('No schema changes');
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
