import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { logIn } from '@healthcare/core/auth/log-in';
import { signUp } from '@healthcare/core/auth/sign-up';
import { loadConfig } from '@healthcare/core/config/load-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { createPatient } from '@healthcare/core/patients/create-patient';
import { listPatients } from '@healthcare/core/patients/list-patients';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from './app-context';
import { prepareDatabase } from './prepare-database';

let dataDir: string;
const logger = createLogger({ level: 'silent' });
const origin = { requestId: 'test', ip: '127.0.0.1' };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'healthcare-embedded-'));
  // As root, PostgreSQL runs as the "postgres" system user, which must be able to reach the directory.
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function boot() {
  // A data directory that does not exist yet, as on a fresh checkout: we create it ourselves.
  const config = loadConfig({ DATA_DIR: path.join(dataDir, 'data'), LOG_LEVEL: 'silent' });
  const database = await prepareDatabase(config, logger);
  const app = await createAppContext(config, logger, database.appUrl);
  return {
    app,
    database,
    async stop() {
      await app.close();
      await database.stop();
    },
  };
}

describe('embedded mode (no DATABASE_URL)', () => {
  it('should start a real PostgreSQL under the data directory and keep its data across restarts', async () => {
    const first = await boot();
    expect(existsSync(path.join(dataDir, 'data', 'postgres', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'data', 'secrets', 'jwt-signing-key.pem'))).toBe(true);
    const session = await signUp(
      first.app.db,
      first.app.sessionSettings,
      {
        clinicName: 'Embedded Clinic',
        name: 'Dr. E',
        email: 'e@example.test',
        password: 'a long enough password',
      },
      origin,
    );
    const actor = { userId: session.user.id, clinicId: session.clinic.id, role: 'admin' as const, ...origin };
    await createPatient(first.app.db, actor, { name: 'Persistente', birthDate: '1950-05-05', sex: 'female' });
    await first.stop();

    const second = await boot();
    try {
      // The same signing key is reused, so a session from before the restart stays valid.
      await expect(second.app.accessTokens.verify(session.accessToken)).resolves.toMatchObject({
        sub: session.user.id,
      });
      const again = await logIn(
        second.app.db,
        second.app.sessionSettings,
        { email: 'e@example.test', password: 'a long enough password' },
        origin,
      );
      expect(again.clinic.id).toBe(session.clinic.id);
      const patients = await listPatients(second.app.db, actor, { limit: 10 });
      expect(patients.items.map((patient) => patient.name)).toEqual(['Persistente']);
      // The application still logs in as the unprivileged role.
      const role = await second.app.pool.query(
        'select current_user, (select rolbypassrls from pg_roles where rolname = current_user) as bypass',
      );
      expect(role.rows[0]).toEqual({ current_user: 'healthcare_app', bypass: false });
    } finally {
      await second.stop();
    }
  });

  it('should take over from a server left running by a crashed process', async () => {
    const crashed = await boot();
    await crashed.app.close(); // its database server is deliberately never stopped
    const next = await boot();
    try {
      const result = await next.app.pool.query('select 1 as alive');
      expect(result.rows).toEqual([{ alive: 1 }]);
    } finally {
      await next.stop();
    }
  });
});
