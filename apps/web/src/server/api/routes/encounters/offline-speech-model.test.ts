import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

let scratch: string;
let chunk: Buffer;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-offline-model-'));
  chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
}, 60_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the embedded speech engine on a machine that cannot download its model', () => {
  // Nothing listens on port 1: every connection is refused at once, as on a machine without network.
  const modelUrl = 'http://127.0.0.1:1/ggml-base.bin';
  const { api, testApp } = useTestApp(
    () => ({
      RUN_WORKER: 'true',
      STT_PROVIDER: 'embedded',
      STT_MODEL_URL: modelUrl,
      DATA_DIR: path.join(scratch, 'data'),
    }),
    { ownDatabase: true },
  );

  it('should fail the encounter with a reason that says what to do, without the URL or a stack', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    const uploaded = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/0`,
      token,
      chunk,
    );
    expect(uploaded.status).toBe(202);
    // A lost network may come back, so the job retries with backoff (minutes) before giving up.
    const failed = await vi.waitFor(
      async () => {
        const current = (await api.get(`/api/v1/encounters/${encounterId}`, token)).body;
        expect(current.status).toBe('failed');
        return current;
      },
      { timeout: 420_000, interval: 1_000 },
    );
    const reason: string = failed.failureReason;
    expect(reason).toMatch(/speech model is not on this machine yet/);
    expect(reason).toMatch(/offline/);
    const target = path.join(scratch, 'data', 'models', 'ggml-base.bin');
    expect(reason).toContain(`STT_MODEL_URL names to ${target}`);
    expect(reason).toContain('STT_MODEL_PATH');
    expect(reason).toMatch(/“retry”/);
    expect(reason).not.toMatch(/https?:\/\//);
    expect(reason).not.toContain('127.0.0.1');
    expect(reason).not.toMatch(/\n\s+at |ECONNREFUSED|fetch failed|Error:/);
    // The recording itself is kept, and no half-written model is left to be loaded later.
    expect(existsSync(target)).toBe(false);
    const chunkAudio = await fetch(`${testApp().baseUrl}/api/v1/encounters/${encounterId}/audio/chunks/0`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(chunkAudio.status).toBe(200);
  }, 480_000);
});
