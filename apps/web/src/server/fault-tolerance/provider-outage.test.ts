import { readFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../testing/clinic-fixtures';
import { useAiPipelineApp } from '../testing/use-ai-pipeline-app';

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 45_000, interval: 200 });

/**
 * A TCP relay on a fixed port in front of a fake provider: "down" closes the port (and the
 * kept-alive connections through it), so the app meets connection refused, as when the
 * provider's process is gone; "up" opens the same port again.
 */
function switchablePort(target: () => string) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const up = async () => {
    if (server) return;
    server = createServer((client) => {
      const { port: targetPort } = new URL(target());
      const upstream = connect(Number(targetPort), '127.0.0.1');
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const down = async () => {
    if (!server) return;
    const closed = new Promise((resolve) => server?.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closed;
    server = undefined;
  };
  return { up, down, url: () => target().replace(/:\d+/, `:${port}`) };
}

const sttPort = switchablePort(() => state.stt.baseUrl);
const llmPort = switchablePort(() => state.llm.baseUrl);
beforeAll(async () => {
  await sttPort.up();
  await llmPort.up();
});
// A failed test must not leave a provider down for the next one.
afterEach(async () => {
  await sttPort.up();
  await llmPort.up();
});
afterAll(async () => {
  await sttPort.down();
  await llmPort.down();
});

const { api, testApp, state } = useAiPipelineApp(() => ({
  STT_BASE_URL: sttPort.url(),
  LLM_BASE_URL: llmPort.url(),
  // Refused connections fail at once; these only bound an attempt should a relayed call hang.
  STT_TIMEOUT_SECONDS: '10',
  LLM_TIMEOUT_SECONDS: '10',
}));

let recording: Buffer;
beforeAll(async () => {
  recording = await readFile(await generateTone(state.scratch, 'recording.wav', ['-c:a', 'pcm_s16le'], 2.5));
  // The queues' retry policy is data in the job schema: seconds instead of minutes between
  // attempts, and three attempts in all, keep the test short without changing what is retried.
  await testApp().app.pool.query(
    `update pgboss.queue set retry_limit = 2, retry_delay = 1
      where name in ('transcribe-recording', 'transcribe-chunk', 'finalize-transcript', 'generate-note')`,
  );
}, 60_000);

async function encounterOf(token: string, encounterId: string) {
  return (await api.get(`/api/v1/encounters/${encounterId}`, token)).body;
}

function waitForStatus(token: string, encounterId: string, status: string) {
  return waitFor(async () => {
    const encounter = await encounterOf(token, encounterId);
    expect(encounter.status).toBe(status);
    return encounter;
  });
}

/**
 * pg-boss's record of the encounter's job: `retry_count` 2 is three attempts. The last one hands
 * the failure to the encounter and ends the job (completed), so pg-boss does not retry it again.
 */
async function jobOf(queue: string, encounterId: string) {
  const { rows } = await testApp().app.pool.query<{ state: string; retry_count: number }>(
    `select state, retry_count from pgboss.job where name = $1 and data->>'encounterId' = $2
      order by created_on desc limit 1`,
    [queue, encounterId],
  );
  return rows[0];
}

/** Readable by a clinician: no stack, no address, no key. */
function expectReadable(reason: string) {
  expect(reason).not.toMatch(/\n\s+at |https?:\/\/|127\.0\.0\.1|sk-test|ECONNREFUSED|Error:/);
  expect(reason).toMatch(/retry/);
}

async function uploadRecording(token: string, encounterId: string) {
  const response = await putBytes(
    testApp().baseUrl,
    `/api/v1/encounters/${encounterId}/audio`,
    token,
    recording,
  );
  expect(response.status).toBe(202);
}

describe('the speech-to-text provider down, then garbage, then back', () => {
  it('should retry with backoff, fail the encounter with a readable reason, and finish after retry', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await sttPort.down();
    await uploadRecording(token, encounterId);
    const failed = await waitForStatus(token, encounterId, 'failed');
    expect(failed.failureReason).toMatch(/could not be reached/);
    expectReadable(failed.failureReason);
    expect(await jobOf('transcribe-recording', encounterId)).toEqual({ state: 'completed', retry_count: 2 });

    await sttPort.up();
    expect((await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token)).status).toBe(202);
    await waitForStatus(token, encounterId, 'ready');
  });

  it('should treat answers that are not a transcript the same way', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const requestsBefore = state.stt.requests.length;
    // Invalid JSON, then JSON of the wrong shape, then invalid JSON again: one per attempt.
    state.stt.enqueue(
      { kind: 'malformed' },
      { kind: 'status', status: 200, body: { segments: 'none', text: 42 } },
      { kind: 'malformed' },
    );
    await uploadRecording(token, encounterId);
    const failed = await waitForStatus(token, encounterId, 'failed');
    expect(failed.failureReason).toMatch(/answered with a body that is not/);
    expectReadable(failed.failureReason);
    expect(state.stt.requests.length - requestsBefore).toBe(3);
    expect(await jobOf('transcribe-recording', encounterId)).toEqual({ state: 'completed', retry_count: 2 });

    expect((await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token)).status).toBe(202);
    await waitForStatus(token, encounterId, 'ready');
  });
});

describe('the language model provider down, then garbage, then back', () => {
  it('should retry with backoff, fail the encounter with a readable reason, and finish after retry', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    await llmPort.down();
    await uploadRecording(token, encounterId);
    const failed = await waitForStatus(token, encounterId, 'failed');
    expect(failed.failureReason).toMatch(/could not be reached/);
    expectReadable(failed.failureReason);
    expect(await jobOf('generate-note', encounterId)).toEqual({ state: 'completed', retry_count: 2 });
    // The transcript is kept: only the note is missing.
    expect((await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.status).toBe(
      'complete',
    );

    await llmPort.up();
    expect((await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token)).status).toBe(202);
    await waitForStatus(token, encounterId, 'ready');
  });

  it('should treat bodies that are not a chat completion the same way', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const requestsBefore = state.llm.requests.length;
    state.llm.enqueue({ kind: 'malformed' }, { kind: 'malformed' }, { kind: 'malformed' });
    await uploadRecording(token, encounterId);
    const failed = await waitForStatus(token, encounterId, 'failed');
    expect(failed.failureReason).toMatch(/answered with a body that is not/);
    expectReadable(failed.failureReason);
    expect(state.llm.requests.length - requestsBefore).toBe(3);
    expect(await jobOf('generate-note', encounterId)).toEqual({ state: 'completed', retry_count: 2 });

    expect((await api.post(`/api/v1/encounters/${encounterId}/retry`, {}, token)).status).toBe(202);
    await waitForStatus(token, encounterId, 'ready');
  });
});
