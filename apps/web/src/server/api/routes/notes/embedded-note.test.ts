import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { writeLlamaModel } from '@healthcare/ai/testing/write-llama-model';
import { generateTone } from '@healthcare/core/media/testing/audio-fixtures';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../../../testing/clinic-fixtures';
import { useTestApp } from '../../../testing/start-test-app';

let stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
let scratch: string;
let modelPath: string;
let chunk: Buffer;

beforeAll(async () => {
  stt = await startFakeOpenAiSttServer();
  scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-embedded-note-'));
  modelPath = path.join(scratch, 'tiny-random.gguf');
  await writeLlamaModel(modelPath, { shape: 'tiny', seed: 7 });
  chunk = await readFile(await generateTone(scratch, 'chunk.webm', ['-c:a', 'libopus'], 1));
}, 120_000);
afterAll(async () => {
  await stt.close();
  await rm(scratch, { recursive: true, force: true });
});

// llama.cpp in this process on a random-weight model in the real GGUF format. The model's
// context is 4,096 byte-level tokens, so the answer and each statement are bounded tightly.
const { api, testApp } = useTestApp(
  () => ({
    RUN_WORKER: 'true',
    STT_PROVIDER: 'openai',
    STT_BASE_URL: stt.baseUrl,
    LLM_PROVIDER: 'embedded',
    LLM_MODEL_PATH: modelPath,
    LLM_THREADS: '1',
    LLM_CONTEXT_SIZE: '4096',
    LLM_MAX_OUTPUT_TOKENS: '1300',
    NOTE_MAX_ITEMS_PER_SECTION: '2',
    NOTE_MAX_ITEM_CHARS: '40',
  }),
  { ownDatabase: true },
);

describe('the embedded language model in the pipeline', () => {
  it('should write a note in the template’s shape, citing only real segments', async () => {
    const { token, patientId } = await clinicWithPatient(api);
    const encounterId = await createEncounter(api, token, patientId);
    stt.enqueue(
      { kind: 'ok', text: () => 'Estou com febre há dois dias.' },
      { kind: 'ok', text: () => 'Nega tosse e falta de ar.' },
    );
    for (const seq of [0, 1]) {
      await putBytes(
        testApp().baseUrl,
        `/api/v1/encounters/${encounterId}/audio/chunks/${seq}`,
        token,
        chunk,
      );
      await vi.waitFor(
        async () =>
          expect(
            (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.segments,
          ).toHaveLength(seq + 1),
        { timeout: 30_000, interval: 100 },
      );
    }
    await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 2 }, token);
    const encounter = await vi.waitFor(
      async () => {
        const current = (await api.get(`/api/v1/encounters/${encounterId}`, token)).body;
        expect(['ready', 'failed']).toContain(current.status);
        return current;
      },
      { timeout: 90_000, interval: 250 },
    );
    expect(encounter.failureReason).toBeNull();

    const transcript = (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body;
    const segmentIds = new Set(transcript.segments.map((segment: { id: string }) => segment.id));
    const note = (await api.get(`/api/v1/encounters/${encounterId}/note`, token)).body;
    // Random weights say nothing meaningful: the shape is what the real engine must get right.
    expect(note.sections.map((section: { key: string }) => section.key)).toEqual([
      'subjective',
      'objective',
      'assessment',
      'plan',
    ]);
    expect(note.model).toEqual(expect.any(String));
    for (const section of note.sections) {
      expect(section.items.length).toBeLessThanOrEqual(2);
      for (const item of section.items) {
        expect([...item.text].length).toBeGreaterThan(0);
        expect([...item.text].length).toBeLessThanOrEqual(40);
        for (const id of item.evidence) expect(segmentIds.has(id)).toBe(true);
      }
    }
  });
});
