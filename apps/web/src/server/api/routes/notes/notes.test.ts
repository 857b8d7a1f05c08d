import { noteVersions } from '@healthcare/core/db/schema/note-versions';
import { notes } from '@healthcare/core/db/schema/notes';
import { withTenant } from '@healthcare/core/db/with-tenant';
import { configuredNoteWriter } from '@healthcare/core/notes/configured-note-writer';
import { generateNoteJob } from '@healthcare/core/notes/generate-note.job';
import { finalizeTranscriptJob } from '@healthcare/core/transcripts/finalize-transcript.job';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import {
  addStaffMember,
  clinicWithPatient,
  createEncounter,
  putBytes,
} from '../../../testing/clinic-fixtures';
import { openEventStream } from '../../../testing/read-event-stream';
import { useAiPipelineApp } from '../../../testing/use-ai-pipeline-app';

const { api, testApp, state } = useAiPipelineApp();

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 30_000, interval: 100 });
const said = (text: string) => ({ kind: 'ok' as const, text: () => text });

/** Records live chunks with the given words and completes; the encounter is a new one unless given. */
async function recordConsultation(
  token: string,
  patientId: string,
  words: string[],
  existingEncounterId?: string,
) {
  const encounterId = existingEncounterId ?? (await createEncounter(api, token, patientId));
  state.stt.enqueue(...words.map(said));
  for (const [seq] of words.entries()) {
    // One at a time, so each transcription consumes its own scripted words.
    await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/${seq}`,
      token,
      state.chunk,
    );
    await waitFor(async () => {
      const transcript = (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;
      expect(transcript.segments).toHaveLength(seq + 1);
    });
  }
  expect(
    (await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: words.length }, token))
      .status,
  ).toBe(202);
  return encounterId;
}

const noteOf = (token: string, encounterId: string) =>
  api.get(`/api/v1/encounters/${encounterId}/note`, token);
const waitForStatus = (token: string, encounterId: string, status: string) =>
  waitFor(async () => {
    const encounter = (await api.get(`/api/v1/encounters/${encounterId}`, token)).body;
    expect(encounter.status).toBe(status);
    return encounter;
  });

describe('from recording to signed note', () => {
  it('should stream each step, write a note with evidence, and take edits and a signature', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const stream = await openEventStream(
      `${testApp().baseUrl}/api/v1/encounters/${encounterId}/events`,
      token,
    );
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);

    state.stt.enqueue(said('Estou com febre há dois dias e dor de garganta.'));
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);
    // The transcript grows while the clinician is still recording.
    const partial = await waitFor(async () => {
      const transcript = (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;
      expect(transcript.status).toBe('partial');
      expect(transcript.segments).toHaveLength(1);
      return transcript;
    });
    expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('recording');
    await waitFor(async () => expect(stream.events.some((event) => event.type === 'segments')).toBe(true));

    state.stt.enqueue(said('Vou prescrever amoxicilina 500 mg de 8 em 8 horas por 7 dias.'));
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/1`, token, state.chunk);
    // The model misstates the dose: the checker must catch it.
    state.llm.enqueue({
      kind: 'answer',
      content: JSON.stringify({
        sections: {
          subjective: [{ text: 'Febre há 2 dias e dor de garganta.', evidence: ['S1'] }],
          objective: [],
          assessment: [],
          plan: [{ text: 'Amoxicilina 250 mg de 8/8h por 7 dias.', evidence: ['S2'] }],
        },
      }),
    });
    expect(
      (await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 2 }, token)).status,
    ).toBe(202);
    await waitForStatus(token, encounterId, 'ready');

    const transcript = (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;
    expect(transcript.status).toBe('complete');
    expect(transcript.segments[0].id).toBe(partial.segments[0].id);
    const note = await noteOf(token, encounterId);
    expect(note.status).toBe(200);
    expect(note.headers.get('etag')).toBe('"1"');
    expect(note.body).toMatchObject({
      status: 'draft',
      template: 'soap',
      language: 'pt-BR',
      version: 1,
      signedAt: null,
    });
    const [subjective, , , plan] = note.body.sections;
    expect(subjective).toMatchObject({ key: 'subjective', title: 'Subjetivo' });
    expect(subjective.items[0].evidence).toEqual([transcript.segments[0].id]);
    expect(subjective.items[0].flags).toEqual([]);
    expect(plan.items[0].evidence).toEqual([transcript.segments[1].id]);
    expect(plan.items[0].flags.map((flag: { kind: string }) => flag.kind)).toContain('dose');
    expect(plan.items[0].flags[0]).toMatchObject({ acknowledged: false });
    expect(note.body.openFlags).toBeGreaterThan(0);

    // Signing needs every flag resolved.
    const blocked = await api.post(`/api/v1/encounters/${encounterId}/note/sign`, {}, token);
    expect(blocked.status).toBe(409);
    expect(blocked.body.openFlags).toBe(note.body.openFlags);

    // Another tab saved first: a stale version is refused, not overwritten.
    const edit = (version: number, text: string) =>
      api.call('PATCH', `/api/v1/encounters/${encounterId}/note`, {
        token,
        headers: { 'if-match': `"${version}"` },
        body: { sections: [{ key: 'plan', items: [{ id: plan.items[0].id, text }] }] },
      });
    const fixed = await edit(1, 'Amoxicilina 500 mg de 8/8h por 7 dias.');
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get('etag')).toBe('"2"');
    expect(fixed.body.sections[3].items[0]).toMatchObject({ id: plan.items[0].id, flags: [] });
    expect(fixed.body.sections[0]).toEqual(note.body.sections[0]);
    const stale = await edit(1, 'Amoxicilina 875 mg.');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(stale.body.currentVersion).toBe(2);
    expect((await noteOf(token, encounterId)).body.sections[3].items[0].text).toBe(
      'Amoxicilina 500 mg de 8/8h por 7 dias.',
    );

    const signed = await api.call('POST', `/api/v1/encounters/${encounterId}/note/sign`, {
      token,
      headers: { 'if-match': '"2"' },
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', version: 2 });
    expect(signed.body.signedAt).not.toBeNull();
    expect((await edit(2, 'Something else.')).status).toBe(409);
    expect((await api.post(`/api/v1/encounters/${encounterId}/note/sign`, {}, token)).status).toBe(409);

    const addendum = await api.post(
      `/api/v1/encounters/${encounterId}/note/addenda`,
      { text: 'Retorno em 7 dias.' },
      token,
    );
    expect(addendum.status).toBe(201);
    expect((await noteOf(token, encounterId)).body.addenda).toEqual([addendum.body]);

    // The stream told the whole story, in order.
    await waitFor(async () =>
      expect(
        stream.events.filter((event) => event.type === 'note').map((event) => event.data.reason),
      ).toEqual(['generated', 'edited', 'signed', 'addendum']),
    );
    await stream.close();
    const statuses = stream.events
      .filter((event) => event.type === 'status')
      .map((event) => event.data.status);
    expect(statuses).toEqual(['recording', 'transcribing', 'generating', 'ready', 'signed']);
    const ids = stream.events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const order = (predicate: (event: (typeof stream.events)[number]) => boolean) =>
      stream.events.findIndex(predicate);
    expect(order((event) => event.type === 'segments')).toBeLessThan(
      order((event) => event.data.status === 'transcribing'),
    );
    expect(order((event) => event.data.status === 'ready')).toBeLessThan(
      order((event) => event.data.reason === 'generated'),
    );
    expect(stream.retryMs()).toBeGreaterThan(0);

    // A reconnect with Last-Event-ID gets exactly what came after it.
    const resumeAfter = stream.events[2]!.id;
    const resumed = await openEventStream(
      `${testApp().baseUrl}/api/v1/encounters/${encounterId}/events`,
      token,
      resumeAfter,
    );
    await waitFor(async () => expect(resumed.events).toHaveLength(stream.events.length - 3));
    await resumed.close();
    expect(resumed.events).toEqual(stream.events.slice(3));
  });

  it('should acknowledge flags without changing the text, and keep every version', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    state.llm.enqueue({
      kind: 'answer',
      content: JSON.stringify({
        sections: {
          subjective: [{ text: 'Dor no joelho direito.', evidence: ['S1'] }],
          objective: [],
          assessment: [],
          plan: [],
        },
      }),
    });
    const encounterId = await recordConsultation(token, patientId, ['Dor no joelho esquerdo há uma semana.']);
    await waitForStatus(token, encounterId, 'ready');
    const note = (await noteOf(token, encounterId)).body;
    const item = note.sections[0].items[0];
    expect(item.flags.map((flag: { kind: string }) => flag.kind)).toContain('laterality');

    const acknowledged = await api.patch(
      `/api/v1/encounters/${encounterId}/note`,
      {
        sections: [{ key: 'subjective', items: [{ id: item.id, text: item.text, acknowledgeFlags: true }] }],
      },
      token,
    );
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.openFlags).toBe(0);
    expect(acknowledged.body.sections[0].items[0].flags[0]).toMatchObject({
      acknowledged: true,
      acknowledgedBy: session.user.id,
    });
    expect((await api.post(`/api/v1/encounters/${encounterId}/note/sign`, {}, token)).status).toBe(200);

    const versions = await withTenant(testApp().app.db, session.clinic.id, (tx) =>
      tx
        .select()
        .from(noteVersions)
        .innerJoin(notes, eq(notes.id, noteVersions.noteId))
        .where(eq(notes.encounterId, encounterId)),
    );
    expect(versions.map((row) => [row.note_versions.version, row.note_versions.source])).toEqual([
      [1, 'generated'],
      [2, 'edited'],
    ]);
    expect(versions[1]!.note_versions.authorId).toBe(session.user.id);
  });

  it('should refuse edits that do not fit the note, changing nothing', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await recordConsultation(token, patientId, ['Nega febre.']);
    await waitForStatus(token, encounterId, 'ready');
    const before = (await noteOf(token, encounterId)).body;
    const bad = await api.patch(
      `/api/v1/encounters/${encounterId}/note`,
      {
        sections: [
          { key: 'nonsense', items: [] },
          {
            key: 'plan',
            items: [{ text: 'Dipirona 1 g.', evidence: ['6f1c1a57-2b53-4cf8-9b43-5d0a3c2d8e11'] }],
          },
        ],
      },
      token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual([
      '/sections/0/key',
      '/sections/1/items/0/evidence/0',
    ]);
    expect(JSON.stringify(bad.body)).not.toContain('stack');
    expect((await noteOf(token, encounterId)).body).toEqual(before);
    const badIfMatch = await api.call('PATCH', `/api/v1/encounters/${encounterId}/note`, {
      token,
      headers: { 'if-match': 'yesterday' },
      body: { sections: [{ key: 'plan', items: [] }] },
    });
    expect(badIfMatch.status).toBe(400);
  });

  it('should regenerate with another template as a new version, and not before the note exists', async () => {
    const { token, patientId, session } = await clinicWithPatient(api);
    const early = await createEncounter(api, token, patientId);
    expect((await api.post(`/api/v1/encounters/${early}/note/regenerate`, {}, token)).status).toBe(409);
    expect((await noteOf(token, early)).status).toBe(404);

    const encounterId = await recordConsultation(token, patientId, ['I have had a cough for three days.']);
    await waitForStatus(token, encounterId, 'ready');
    const unknown = await api.post(
      `/api/v1/encounters/${encounterId}/note/regenerate`,
      { template: 'nope' },
      token,
    );
    expect(unknown.status).toBe(400);
    const regenerated = await api.post(
      `/api/v1/encounters/${encounterId}/note/regenerate`,
      { template: 'hp', language: 'en' },
      token,
    );
    expect(regenerated.status).toBe(202);
    expect(regenerated.body).toMatchObject({ status: 'generating', template: 'hp', language: 'en' });
    await waitForStatus(token, encounterId, 'ready');
    const note = (await noteOf(token, encounterId)).body;
    expect(note).toMatchObject({ version: 2, template: 'hp', language: 'en' });
    expect(note.sections[0]).toMatchObject({ key: 'chief_complaint', title: 'Chief complaint' });
    const prompt = state.llm.requests.at(-1)!.body.messages[0].content;
    expect(prompt).toContain('Write in English');

    // The job ran already: running it again (a duplicate delivery) adds nothing.
    const { app } = testApp();
    const requestsBefore = state.llm.requests.length;
    const job = generateNoteJob({
      ...app,
      stt: undefined,
      noteWriter: configuredNoteWriter(app.config, app.logger),
      noteLimits: app.config.notes,
      audioRetentionDays: app.config.retention.audioDays,
    });
    await job.handle({ clinicId: session.clinic.id, encounterId });
    expect((await noteOf(token, encounterId)).body.version).toBe(2);
    const finalize = finalizeTranscriptJob({
      ...app,
      stt: undefined,
      noteWriter: undefined,
      noteLimits: app.config.notes,
      audioRetentionDays: app.config.retention.audioDays,
    });
    await finalize.handle({ clinicId: session.clinic.id, encounterId });
    expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready');
    expect(state.llm.requests.length).toBe(requestsBefore);
  });

  it('should write the note of an encounter whose template was archived since, and not write it again with it', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const followUp = {
      key: 'retorno',
      name: 'Retorno',
      sections: [{ key: 'evolucao', title: 'Evolução', instructions: 'Como o paciente evoluiu.' }],
    };
    expect((await api.post('/api/v1/templates', followUp, token)).status).toBe(201);
    const started = await createEncounter(api, token, patientId, { template: 'retorno' });
    expect((await api.post('/api/v1/templates/retorno/archive', {}, token)).status).toBe(200);

    const encounterId = await recordConsultation(token, patientId, ['Melhorou da tosse.'], started);
    await waitForStatus(token, encounterId, 'ready');
    const note = (await noteOf(token, encounterId)).body;
    expect(note).toMatchObject({ template: 'retorno' });
    expect(note.sections.map((section: { key: string }) => section.key)).toEqual(['evolucao']);

    const again = await api.post(`/api/v1/encounters/${encounterId}/note/regenerate`, {}, token);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('archived');
    const other = await api.post(
      `/api/v1/encounters/${encounterId}/note/regenerate`,
      { template: 'soap' },
      token,
    );
    expect(other.status).toBe(202);
    await waitForStatus(token, encounterId, 'ready');
    expect((await noteOf(token, encounterId)).body).toMatchObject({ version: 2, template: 'soap' });
  });

  it('should fail clearly when the model keeps answering nonsense, and recover with retry', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    state.llm.enqueue(
      { kind: 'answer', content: 'Sorry, I cannot help.' },
      { kind: 'answer', content: '{"sections": 3}' },
    );
    const encounterId = await recordConsultation(token, patientId, ['Dor de cabeça.']);
    const failed = await waitForStatus(token, encounterId, 'failed');
    expect(failed.failureReason).toMatch(/did not return a valid note/);
    const retried = await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token);
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe('generating');
    await waitForStatus(token, encounterId, 'ready');
    expect((await noteOf(token, encounterId)).body.version).toBe(1);
  });

  it('should keep notes and their stream from staff and from other clinics', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await recordConsultation(token, patientId, ['Nega alergias.']);
    await waitForStatus(token, encounterId, 'ready');
    const staff = await addStaffMember(api, token, 'staff');
    expect((await noteOf(staff, encounterId)).status).toBe(403);
    expect((await api.get(`/api/v1/encounters/${encounterId}/events`, staff)).status).toBe(403);
    const other = await clinicWithPatient(api, 'Other');
    expect((await noteOf(other.token, encounterId)).status).toBe(404);
    expect((await api.post(`/api/v1/encounters/${encounterId}/note/sign`, {}, other.token)).status).toBe(404);
    expect((await api.get(`/api/v1/encounters/${encounterId}/events`, other.token)).status).toBe(404);
    expect((await noteOf(token, encounterId)).body.status).toBe('draft');
  });
});
