import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaffMember } from '../../../testing/clinic-fixtures';
import { signUpClinic } from '../../../testing/api-client';
import { useTestApp } from '../../../testing/start-test-app';

let stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
beforeAll(async () => {
  stt = await startFakeOpenAiSttServer();
});
afterAll(() => stt?.close());

const { api } = useTestApp(() => ({
  STT_PROVIDER: 'openai',
  STT_BASE_URL: stt.baseUrl,
  STT_API_KEY: 'sk-stt-secret-key',
  STT_MODEL: 'whisper-large-v3',
  LLM_PROVIDER: 'openai',
  // Credentials inside a URL must never reach the screen.
  LLM_BASE_URL: 'http://user:url-password@127.0.0.1:1/v1',
  LLM_API_KEY: 'sk-llm-secret-key',
  LLM_MODEL: 'qwen2.5-7b-instruct',
}));

describe('GET /settings/providers', () => {
  it('should name each provider and model and say which one answers, with no URL or key', async () => {
    const { token } = await signUpClinic(api);
    const response = await api.get('/api/v1/settings/providers', token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      stt: {
        configured: true,
        kind: 'openai',
        model: 'whisper-large-v3',
        reachability: 'up',
        latencyMs: expect.any(Number),
      },
      llm: {
        configured: true,
        kind: 'openai',
        model: 'qwen2.5-7b-instruct',
        reachability: 'down',
        latencyMs: null,
      },
    });
    const serialized = JSON.stringify(response.body);
    expect(serialized).not.toMatch(/secret|password|127\.0\.0\.1|http/);
  });

  it('should be for admins only', async () => {
    const { token } = await signUpClinic(api);
    const clinician = await addStaffMember(api, token, 'clinician');
    expect((await api.get('/api/v1/settings/providers', clinician)).status).toBe(403);
  });
});
