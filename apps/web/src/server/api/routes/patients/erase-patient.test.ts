import { withTenant } from '@healthcare/core/db/with-tenant';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { signUpClinic } from '../../../testing/api-client';
import { createEncounter, putBytes } from '../../../testing/clinic-fixtures';
import { recordSignedEncounter } from '../../../testing/record-signed-encounter';
import { useAiPipelineApp } from '../../../testing/use-ai-pipeline-app';

const pipeline = useAiPipelineApp();
const { api, testApp, state } = pipeline;

const name = 'Heloísa Apagada Sigilosa';
const documentId = '987.654.321-00';
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** A patient with everything a patient can have: a document, a signed note, a note left unsigned. */
async function patientWithHistory(token: string, label: string) {
  const patient = await api.post(
    '/api/v1/patients',
    { name: `${name} ${label}`, birthDate: '1961-02-03', sex: 'female', documentId: `${documentId}${label}` },
    token,
  );
  expect(patient.status).toBe(201);
  const patientId = patient.body.id as string;
  const document = await fetch(`${testApp().baseUrl}/api/v1/patients/${patientId}/documents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/pdf',
      'x-filename': 'laudo.pdf',
    },
    body: new Uint8Array(pdf),
  });
  expect(document.status).toBe(201);
  const signed = await recordSignedEncounter(pipeline, token, patientId);
  const unsigned = await createEncounter(api, token, patientId);
  expect(
    (await putBytes(testApp().baseUrl, `/api/v1/encounters/${unsigned}/audio`, token, state.chunk)).status,
  ).toBe(202);
  // Settled, so that no job is still writing while the test compares rows.
  await vi.waitFor(
    async () => expect((await api.get(`/api/v1/encounters/${unsigned}`, token)).body.status).toBe('ready'),
    { timeout: 30_000, interval: 100 },
  );
  await api.get(`/api/v1/patients/${patientId}`, token);
  return { patientId, encounterIds: [signed, unsigned], documentId: (await document.json()).id as string };
}

async function objectKeysUnder(prefix: string) {
  const keys: string[] = [];
  for await (const object of testApp().app.storage.list(prefix)) keys.push(object.key);
  return keys;
}

/** Every row of every table the clinic can see, as text, by table. */
async function clinicRows(clinicId: string) {
  return withTenant(testApp().app.db, clinicId, async (tx) => {
    const tables = await tx.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const rows = new Map<string, string[]>();
    for (const { table_name: table } of tables.rows) {
      if (table === '__drizzle_migrations') continue;
      const result = await tx.execute<{ row: string }>(
        sql`select t::text as row from ${sql.identifier(table)} t`,
      );
      rows.set(table, result.rows.map((row) => row.row).sort());
    }
    return rows;
  });
}

const erase = (token: string, patientId: string, body?: unknown) =>
  api.call('DELETE', `/api/v1/patients/${patientId}`, { token, ...(body === undefined ? {} : { body }) });

describe('DELETE /patients/{id}: erasure', () => {
  it('should refuse with 409 while a signed note is inside the retention period, changing nothing', async () => {
    const { token, session } = await signUpClinic(api, 'Retida');
    const { patientId } = await patientWithHistory(token, 'R');
    const prefix = `clinics/${session.clinic.id}/patients/${patientId}/`;
    const objectsBefore = await objectKeysUnder(prefix);
    const rowsBefore = await clinicRows(session.clinic.id);

    const refused = await erase(token, patientId);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ reason: 'retention_period', signedNotes: 1 });
    expect(new Date(refused.body.retainedUntil).getUTCFullYear()).toBe(new Date().getUTCFullYear() + 20);
    const withoutReason = await erase(token, patientId, { overrideRetention: true });
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.errors[0].pointer).toBe('/reason');

    expect((await api.get(`/api/v1/patients/${patientId}`, token)).status).toBe(200);
    expect(await objectKeysUnder(prefix)).toEqual(objectsBefore);
    const rowsAfter = await clinicRows(session.clinic.id);
    for (const [table, rows] of rowsBefore) {
      // The reads above appended audit rows; no row was changed or removed.
      if (table === 'audit_events') expect(rowsAfter.get(table)).toEqual(expect.arrayContaining(rows));
      else expect(rowsAfter.get(table), table).toEqual(rows);
    }
  });

  it('should erase every row and object of the patient on override, keeping a pseudonymized trail with the reason', async () => {
    const { token, session } = await signUpClinic(api, 'Apagada');
    const erased = await patientWithHistory(token, 'E');
    const kept = await patientWithHistory(token, 'K');
    const prefix = (patientId: string) => `clinics/${session.clinic.id}/patients/${patientId}/`;
    expect((await objectKeysUnder(prefix(erased.patientId))).length).toBeGreaterThanOrEqual(3);
    const keptObjects = await objectKeysUnder(prefix(kept.patientId));
    const reason = 'Pedido de eliminação do titular (LGPD art. 18, VI), protocolo 2026-114.';

    expect((await erase(token, erased.patientId, { overrideRetention: true, reason })).status).toBe(204);

    expect(await objectKeysUnder(prefix(erased.patientId))).toEqual([]);
    expect(await objectKeysUnder(prefix(kept.patientId))).toEqual(keptObjects);
    const forbidden = [erased.patientId, `${name} E`, `${documentId}E`];
    // Ids of erased rows stay in the trail as what was accessed; outside it nothing may point to them.
    const erasedRowIds = [...erased.encounterIds, erased.documentId];
    const rows = await clinicRows(session.clinic.id);
    for (const [table, texts] of rows) {
      for (const text of texts) for (const value of forbidden) expect(text, table).not.toContain(value);
      if (table !== 'audit_events')
        for (const text of texts) for (const id of erasedRowIds) expect(text, table).not.toContain(id);
    }
    expect(rows.get('patients')!.join('\n')).toContain(`${name} K`);

    const trail = (await api.get('/api/v1/audit?limit=200', token)).body.items as {
      action: string;
      patientId: string | null;
      patientPseudonym: string | null;
      details: Record<string, unknown> | null;
    }[];
    const pseudonymized = trail.filter((event) => event.patientPseudonym !== null);
    const pseudonyms = new Set(pseudonymized.map((event) => event.patientPseudonym));
    expect(pseudonyms.size).toBe(1);
    expect([...pseudonyms][0]).toMatch(/^pseudo_[0-9a-f]{32}$/);
    expect(pseudonymized.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'patient.create',
        'patient.read',
        'encounter.consent',
        'note.sign',
        'document.create',
      ]),
    );
    expect(pseudonymized.every((event) => event.patientId === null)).toBe(true);
    expect(pseudonymized[0]).toMatchObject({
      action: 'patient.delete',
      details: { overrideRetention: true, reason },
    });
    expect(trail.some((event) => event.patientId === kept.patientId)).toBe(true);
  });
});
