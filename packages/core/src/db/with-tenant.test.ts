import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from './database';
import { patients } from './schema';
import { withTenant } from './with-tenant';

const { ownerUrl, appUrl } = inject('testDatabase');
let owner: pg.Client;
let database: DatabaseHandle;
const clinicId = randomUUID();

beforeAll(async () => {
  owner = new pg.Client(ownerUrl);
  await owner.connect();
  await owner.query('insert into clinics (id, name) values ($1, $2)', [clinicId, 'withTenant']);
  // One connection: every transaction below reuses the one before it.
  database = connectDatabase(appUrl, { poolMax: 1 });
});
afterAll(async () => {
  await database.close();
  await owner.end();
});

const setting = async (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) =>
  (await tx.execute<{ value: string | null }>(sql`select current_setting('app.clinic_id', true) as value`))
    .rows[0]!.value;

async function insertPatient(tx: Parameters<Parameters<typeof withTenant>[2]>[0], name: string) {
  await tx
    .insert(patients)
    .values({ clinicId, name, nameSearch: name.toLowerCase(), birthDate: '1970-01-01', sex: 'other' });
}

const storedNames = async () =>
  (await owner.query('select name from patients where clinic_id = $1 order by name', [clinicId])).rows.map(
    (row) => row.name as string,
  );

describe('withTenant', () => {
  it('should set the clinic for the transaction only, and commit its work', async () => {
    expect(
      await withTenant(database.db, clinicId, async (tx) => {
        await insertPatient(tx, 'Committed');
        return setting(tx);
      }),
    ).toBe(clinicId);
    const { rows } = await database.pool.query(`select current_setting('app.clinic_id', true) as value`);
    expect(rows[0].value ?? '').toBe('');
    expect(await storedNames()).toContain('Committed');
  });

  it('should roll back the work of a callback that throws, and leave the connection usable', async () => {
    await expect(
      withTenant(database.db, clinicId, async (tx) => {
        await insertPatient(tx, 'Rolled back');
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await storedNames()).not.toContain('Rolled back');
    expect(await withTenant(database.db, clinicId, setting)).toBe(clinicId);
  });

  it('should roll back after a failed statement, so the next transaction on the connection starts clean', async () => {
    await expect(
      withTenant(database.db, clinicId, (tx) => tx.execute(sql`select 1 / 0`)),
    ).rejects.toMatchObject({ cause: { code: '22012' } });
    expect(await withTenant(database.db, clinicId, setting)).toBe(clinicId);
  });

  it('should keep a nested transaction a savepoint of the outer one', async () => {
    await withTenant(database.db, clinicId, async (tx) => {
      await insertPatient(tx, 'Outer');
      await tx
        .transaction(async (inner) => {
          await insertPatient(inner, 'Inner');
          inner.rollback();
        })
        .catch(() => undefined);
    });
    const names = await storedNames();
    expect(names).toContain('Outer');
    expect(names).not.toContain('Inner');
  });

  it('should refuse a clinic id that is not a UUID before touching the database', async () => {
    await expect(
      withTenant(database.db, `${clinicId}', true); select set_config('app.clinic_id', 'x`, setting),
    ).rejects.toThrow(/UUID/);
    expect(database.pool.totalCount - database.pool.idleCount).toBe(0);
  });
});
