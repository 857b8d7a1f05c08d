import { describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../testing/clinic-fixtures';
import { useAiPipelineApp } from '../testing/use-ai-pipeline-app';

const lines: Record<string, unknown>[] = [];
const { api, testApp, state } = useAiPipelineApp(
  { LOG_LEVEL: 'info' },
  { logDestination: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) } },
);

describe('job logs', () => {
  it('should carry the request id of the request that enqueued the job, through the jobs it leads to', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    // The speech service fails every attempt of the first run, so the job logs its retry.
    const failure = { kind: 'status', status: 500 } as const;
    state.stt.enqueue(failure, failure, failure);
    const uploaded = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio`,
      token,
      state.chunk,
    );
    expect(uploaded.status).toBe(202);
    const requestId = uploaded.headers.get('x-request-id');
    expect(requestId).toMatch(/^[\w-]{8,}$/);
    await vi.waitFor(
      async () =>
        expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready'),
      { timeout: 90_000, interval: 200 },
    );

    const jobLines = lines.filter((line) => typeof line.queue === 'string');
    // The upload's job, retried, and the note job enqueued two jobs later, by the transcript's finalization.
    expect(jobLines).toContainEqual(
      expect.objectContaining({ queue: 'transcribe-recording', msg: 'job failed; it will be retried' }),
    );
    expect(jobLines).toContainEqual(
      expect.objectContaining({ queue: 'generate-note', msg: 'note generated', encounterId }),
    );
    for (const line of jobLines) {
      expect(line, JSON.stringify(line)).toMatchObject({ requestId, jobId: expect.any(String) });
    }
    // …the same id as on the request's own line, so one search finds both.
    expect(lines).toContainEqual(expect.objectContaining({ route: '/encounters/{id}/audio', requestId }));
  }, 120_000);
});
