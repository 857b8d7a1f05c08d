import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

const { ownerUrl, appUrl } = inject('testDatabase');
let owner: pg.Client;
let app: pg.Client;
const clinicA = randomUUID();
const clinicB = randomUUID();

beforeAll(async () => {
  owner = new pg.Client(ownerUrl);
  app = new pg.Client(appUrl);
  await Promise.all([owner.connect(), app.connect()]);
  // Seeded as the owner, which is not subject to row-level security.
  for (const [clinicId, name] of [
    [clinicA, 'Paciente A'],
    [clinicB, 'Paciente B'],
  ] as const) {
    await owner.query('insert into clinics (id, name) values ($1, $2)', [clinicId, `RLS ${name}`]);
    await owner.query(
      `insert into patients (clinic_id, name, name_search, birth_date, sex) values ($1, $2, lower($2), '1970-01-01', 'other')`,
      [clinicId, name],
    );
    await owner.query(
      `insert into audit_events (clinic_id, action, resource_type) values ($1, 'patient.read', 'patient')`,
      [clinicId],
    );
  }
});
afterAll(async () => {
  await Promise.all([owner.end(), app.end()]);
});

async function asClinic<T>(clinicId: string | undefined, work: () => Promise<T>): Promise<T> {
  await app.query('begin');
  try {
    if (clinicId) await app.query(`select set_config('app.clinic_id', $1, true)`, [clinicId]);
    return await work();
  } finally {
    await app.query('rollback');
  }
}

const allPatientNames = async () =>
  (await app.query('select * from patients')).rows.map((row) => row.name as string);

describe('row-level security (the second wall)', () => {
  it('should connect the application as a role that owns nothing and cannot bypass RLS', async () => {
    const role = await app.query(
      `select rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb,
              (select count(*) from pg_class where relowner = r.oid)::int as owned
       from pg_roles r where rolname = current_user`,
    );
    expect(role.rows[0]).toEqual({
      rolname: 'healthcare_app',
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      owned: 0,
    });
  });

  it('should return no rows from a raw SELECT * when the tenant setting is absent', async () => {
    expect(await allPatientNames()).toEqual([]);
    expect((await app.query('select * from clinics')).rows).toEqual([]);
    expect((await app.query('select * from audit_events')).rows).toEqual([]);
    expect(await asClinic(undefined, allPatientNames)).toEqual([]);
  });

  it("should return only the set clinic's rows, and none for an unknown clinic", async () => {
    expect(await asClinic(clinicB, allPatientNames)).toEqual(['Paciente B']);
    expect(await asClinic(randomUUID(), allPatientNames)).toEqual([]);
  });

  it('should not leak the setting to the next transaction on the same connection', async () => {
    await app.query('begin');
    await app.query(`select set_config('app.clinic_id', $1, true)`, [clinicA]);
    expect(await allPatientNames()).toEqual(['Paciente A']);
    await app.query('commit');
    expect(await allPatientNames()).toEqual([]);
  });

  it("should refuse to write rows into another clinic and leave other clinics' rows untouched", async () => {
    await asClinic(clinicB, async () => {
      await expect(
        app.query(
          `insert into patients (clinic_id, name, name_search, birth_date, sex) values ($1, 'Intruso', 'intruso', '1970-01-01', 'other')`,
          [clinicA],
        ),
      ).rejects.toMatchObject({ code: '42501' });
    });
    await asClinic(clinicB, async () => {
      expect(
        (await app.query(`update patients set name = 'Hijacked' where clinic_id = $1`, [clinicA])).rowCount,
      ).toBe(0);
      expect((await app.query(`delete from patients where clinic_id = $1`, [clinicA])).rowCount).toBe(0);
    });
    expect((await owner.query('select name from patients where clinic_id = $1', [clinicA])).rows).toEqual([
      { name: 'Paciente A' },
    ]);
  });

  it('should reject a malformed tenant setting instead of matching anything', async () => {
    await asClinic('not-a-uuid', async () => {
      await expect(app.query('select * from patients')).rejects.toMatchObject({ code: '22P02' });
    });
  });

  it('should make the audit trail append-only for the application', async () => {
    await asClinic(clinicA, async () => {
      await app.query('savepoint s');
      await expect(app.query(`update audit_events set action = 'forged'`)).rejects.toMatchObject({
        code: '42501',
      });
      await app.query('rollback to savepoint s');
      await expect(app.query('delete from audit_events')).rejects.toMatchObject({ code: '42501' });
    });
    await asClinic(clinicA, async () => {
      await expect(app.query('truncate audit_events')).rejects.toMatchObject({ code: '42501' });
    });
  });

  it('should not let the application read the migration bookkeeping or alter tables', async () => {
    await expect(app.query('select * from drizzle.__drizzle_migrations')).rejects.toMatchObject({
      code: '42501',
    });
    await expect(app.query('alter table patients disable row level security')).rejects.toMatchObject({
      code: '42501',
    });
  });
});
