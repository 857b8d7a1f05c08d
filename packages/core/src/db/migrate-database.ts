import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { installJobQueue } from '../jobs/install-job-queue';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
export const appRoleName = 'healthcare_app';

// Any constant works; it only has to be the same for every process that migrates this database.
const migrationLockKey = 7_245_019_331;

/**
 * Applies the committed SQL migrations as the database owner. Replicas that start at
 * once serialize on an advisory lock, so each migration runs exactly once.
 */
export async function migrateDatabase(ownerUrl: string, options: { appRolePassword?: string } = {}) {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'healthcare-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    await migrate(drizzle(client), { migrationsFolder });
    await installJobQueue(ownerUrl, appRoleName);
    if (options.appRolePassword !== undefined) {
      // ALTER ROLE takes no bind parameters; escapeLiteral is the driver's own quoting.
      await client.query(
        `alter role ${appRoleName} password ${client.escapeLiteral(options.appRolePassword)}`,
      );
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
    await client.end();
  }
}

/** The same server and database as `ownerUrl`, logged in as the application role. */
export function appRoleUrl(ownerUrl: string, password?: string): string {
  const url = new URL(ownerUrl);
  url.username = appRoleName;
  url.password = password ?? '';
  return url.toString();
}
