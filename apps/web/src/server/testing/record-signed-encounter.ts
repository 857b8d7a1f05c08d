import { expect, vi } from 'vitest';
import type { ApiClient } from './api-client';
import { createEncounter, putBytes } from './clinic-fixtures';
import type { useAiPipelineApp } from './use-ai-pipeline-app';

type PipelineApp = ReturnType<typeof useAiPipelineApp>;

/**
 * One live chunk (or a whole recording) saying `words`, its note written by the local model server, and,
 * unless `sign` is false, signed: the encounter as a clinician leaves it.
 */
export async function recordSignedEncounter(
  pipeline: PipelineApp & { api: ApiClient },
  token: string,
  patientId: string,
  options: { words?: string; sign?: boolean; wholeRecording?: boolean } = {},
): Promise<string> {
  const { api, testApp, state } = pipeline;
  const encounterId = await createEncounter(api, token, patientId);
  state.stt.enqueue({ kind: 'ok', text: () => options.words ?? 'Paciente relata tosse seca há cinco dias.' });
  if (options.wholeRecording) {
    const upload = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio`,
      token,
      state.chunk,
    );
    expect(upload.status).toBe(202);
  } else {
    const chunk = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio/chunks/0`,
      token,
      state.chunk,
    );
    expect(chunk.status).toBe(202);
    expect(
      (await api.post(`/api/v1/encounters/${encounterId}/audio/complete`, { chunkCount: 1 }, token)).status,
    ).toBe(202);
  }
  await vi.waitFor(
    async () => {
      expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready');
    },
    { timeout: 30_000, interval: 100 },
  );
  if (options.sign ?? true)
    expect((await api.post(`/api/v1/encounters/${encounterId}/note/sign`, {}, token)).status).toBe(200);
  return encounterId;
}
