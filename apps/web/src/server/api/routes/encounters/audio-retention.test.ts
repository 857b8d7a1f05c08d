import { notes } from '@healthcare/core/db/schema/notes';
import { withTenant } from '@healthcare/core/db/with-tenant';
import { jobQueues } from '@healthcare/core/jobs/job-queues';
import { purgeExpiredAudioJob } from '@healthcare/core/recordings/purge-expired-audio.job';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clinicWithPatient } from '../../../testing/clinic-fixtures';
import { recordSignedEncounter } from '../../../testing/record-signed-encounter';
import { useAiPipelineApp } from '../../../testing/use-ai-pipeline-app';

// The default retention; the app's own worker uses it too, so its scheduled sweep agrees with ours.
const retentionDays = 30;
const pipeline = useAiPipelineApp({ AUDIO_RETENTION_DAYS: String(retentionDays) });
const { api, testApp } = pipeline;

async function signedDaysAgo(clinicId: string, encounterId: string, days: number) {
  await withTenant(testApp().app.db, clinicId, (tx) =>
    tx
      .update(notes)
      .set({ signedAt: new Date(Date.now() - days * 86_400_000) })
      .where(eq(notes.encounterId, encounterId)),
  );
}

async function audioKeys(clinicId: string) {
  const keys: string[] = [];
  for await (const object of testApp().app.storage.list(`clinics/${clinicId}/`)) keys.push(object.key);
  return keys.filter((key) => /\/(chunks\/|recording-)/.test(key)).sort();
}

const runSweep = () =>
  purgeExpiredAudioJob({ ...testApp().app, audioRetentionDays: retentionDays }).handle({});

describe('the audio retention job', () => {
  it('should delete the audio of notes signed before the retention period, and nothing else, idempotently', async () => {
    const a = await clinicWithPatient(api, 'Retention A');
    const b = await clinicWithPatient(api, 'Retention B');
    const dueLive = await recordSignedEncounter(pipeline, a.token, a.patientId);
    const dueWhole = await recordSignedEncounter(pipeline, a.token, a.patientId, { wholeRecording: true });
    const recent = await recordSignedEncounter(pipeline, a.token, a.patientId);
    const unsigned = await recordSignedEncounter(pipeline, a.token, a.patientId, { sign: false });
    const otherClinic = await recordSignedEncounter(pipeline, b.token, b.patientId);
    await signedDaysAgo(a.session.clinic.id, dueLive, retentionDays + 1);
    await signedDaysAgo(a.session.clinic.id, dueWhole, retentionDays + 5);
    await signedDaysAgo(a.session.clinic.id, recent, retentionDays - 1);
    await signedDaysAgo(b.session.clinic.id, otherClinic, retentionDays - 1);
    const before = await audioKeys(a.session.clinic.id);
    const otherBefore = await audioKeys(b.session.clinic.id);
    for (const id of [dueLive, dueWhole]) expect(before.some((key) => key.includes(id))).toBe(true);

    await runSweep();

    const after = await audioKeys(a.session.clinic.id);
    expect(after).toEqual(before.filter((key) => !key.includes(dueLive) && !key.includes(dueWhole)));
    expect(after.some((key) => key.includes(recent))).toBe(true);
    expect(after.some((key) => key.includes(unsigned))).toBe(true);
    expect(await audioKeys(b.session.clinic.id)).toEqual(otherBefore);

    const read = (id: string) => api.get(`/api/v1/encounters/${id}`, a.token);
    const deleted = (await read(dueLive)).body;
    expect(deleted.audio.deletedAt).toEqual(expect.any(String));
    expect(deleted.status).toBe('signed');
    expect((await read(dueWhole)).body.audio.deletedAt).toEqual(expect.any(String));
    for (const id of [recent, unsigned]) expect((await read(id)).body.audio.deletedAt).toBeNull();
    // The transcript and the signed note stay.
    const transcript = await api.get(`/api/v1/encounters/${dueLive}/transcript`, a.token);
    expect(transcript.body.segments.length).toBeGreaterThan(0);
    const note = await api.get(`/api/v1/encounters/${dueLive}/note`, a.token);
    expect(note.status).toBe(200);
    expect(note.body.signedAt).toEqual(expect.any(String));

    const trail = async () =>
      (
        (await api.get(`/api/v1/audit?patientId=${a.patientId}&limit=200`, a.token)).body.items as {
          action: string;
          resourceId: string;
          actorUserId: string | null;
        }[]
      ).filter((event) => event.action === 'encounter.audio.delete');
    const deletions = await trail();
    expect(deletions.map((event) => event.resourceId).sort()).toEqual([dueLive, dueWhole].sort());
    expect(deletions.every((event) => event.actorUserId === null)).toBe(true);

    // A second run changes nothing.
    await runSweep();
    expect(await audioKeys(a.session.clinic.id)).toEqual(after);
    expect(await audioKeys(b.session.clinic.id)).toEqual(otherBefore);
    expect((await read(dueLive)).body.audio.deletedAt).toBe(deleted.audio.deletedAt);
    expect(await trail()).toHaveLength(2);
  });

  it('should be scheduled by the worker', async () => {
    const schedules = await testApp().app.jobs.getSchedules();
    expect(schedules.map((schedule) => schedule.name)).toContain(jobQueues.purgeExpiredAudio.name);
  });
});
