import { describe, expect, it } from 'vitest';
import { clinicWithPatient, createEncounter } from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

const { api } = useTestApp();

const hour = 3600 * 1000;
const period = (fromMs: number, toMs: number) =>
  `from=${encodeURIComponent(new Date(fromMs).toISOString())}&to=${encodeURIComponent(new Date(toMs).toISOString())}`;

describe('GET /encounters', () => {
  it('should list the clinic’s encounters of the period with their patient, oldest first, and audit each patient', async () => {
    const clinic = await clinicWithPatient(api, 'Agenda');
    const first = await createEncounter(api, clinic.token, clinic.patientId);
    const second = await createEncounter(api, clinic.token, clinic.patientId);
    const now = Date.now();
    const response = await api.get(`/api/v1/encounters?${period(now - hour, now + hour)}`, clinic.token);
    expect(response.status).toBe(200);
    expect(response.body.truncated).toBe(false);
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([first, second]);
    expect(response.body.items[0]).toMatchObject({
      status: 'created',
      patient: { id: clinic.patientId, name: 'Paciente Agenda' },
    });
    const audit = await api.get(
      `/api/v1/audit?action=encounter.list&patientId=${clinic.patientId}`,
      clinic.token,
    );
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ details: { scope: 'clinic' } });
  });

  it('should leave out encounters outside the period', async () => {
    const clinic = await clinicWithPatient(api);
    await createEncounter(api, clinic.token, clinic.patientId);
    const now = Date.now();
    const yesterday = await api.get(
      `/api/v1/encounters?${period(now - 25 * hour, now - hour)}`,
      clinic.token,
    );
    expect(yesterday.body.items).toEqual([]);
  });

  it('should say when more encounters exist than the limit', async () => {
    const clinic = await clinicWithPatient(api);
    for (let index = 0; index < 3; index += 1) await createEncounter(api, clinic.token, clinic.patientId);
    const now = Date.now();
    const response = await api.get(
      `/api/v1/encounters?${period(now - hour, now + hour)}&limit=2`,
      clinic.token,
    );
    expect(response.body.items).toHaveLength(2);
    expect(response.body.truncated).toBe(true);
  });

  it('should show clinic B none of clinic A’s encounters', async () => {
    const clinicA = await clinicWithPatient(api, 'A');
    const clinicB = await clinicWithPatient(api, 'B');
    await createEncounter(api, clinicA.token, clinicA.patientId);
    const own = await createEncounter(api, clinicB.token, clinicB.patientId);
    const now = Date.now();
    const response = await api.get(`/api/v1/encounters?${period(now - hour, now + hour)}`, clinicB.token);
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([own]);
  });

  it('should refuse a period that is missing, reversed or longer than 31 days, naming the field', async () => {
    const { token } = await clinicWithPatient(api);
    const now = Date.now();
    const missing = await api.get('/api/v1/encounters', token);
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(
      expect.arrayContaining(['/query/from', '/query/to']),
    );
    const reversed = await api.get(`/api/v1/encounters?${period(now, now - hour)}`, token);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].pointer).toBe('/query/to');
    const tooLong = await api.get(`/api/v1/encounters?${period(now - 40 * 24 * hour, now)}`, token);
    expect(tooLong.status).toBe(400);
    const notADate = await api.get('/api/v1/encounters?from=today&to=tomorrow', token);
    expect(notADate.status).toBe(400);
  });
});
