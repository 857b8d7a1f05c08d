import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeOpenAiChatServer } from '@healthcare/ai/testing/fake-llm-servers';
import { startFakeOpenAiSttServer } from '@healthcare/ai/testing/fake-openai-stt-server';
import { measureNoteWriter, measureSpeechToText } from '@healthcare/core/metrics/measure-ai-calls';
import { configuredNoteWriter } from '@healthcare/core/notes/configured-note-writer';
import { configuredSpeechToText } from '@healthcare/core/transcripts/configured-speech-to-text';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clinicWithPatient } from '../../apps/web/src/server/testing/clinic-fixtures';
import { useTestApp } from '../../apps/web/src/server/testing/start-test-app';
import { observabilityDir, observabilityExpressions } from './observability-expressions';

let stt: Awaited<ReturnType<typeof startFakeOpenAiSttServer>>;
let llm: Awaited<ReturnType<typeof startFakeOpenAiChatServer>>;
let prometheus: ChildProcess | undefined;
let prometheusUrl = '';

beforeAll(async () => {
  stt = await startFakeOpenAiSttServer();
  llm = await startFakeOpenAiChatServer({ defaultAnswer: () => '{"ok":true}' });
});

const { api, testApp } = useTestApp(() => ({
  METRICS_PORT: '0',
  METRICS_HOST: '127.0.0.1',
  STT_PROVIDER: 'openai',
  STT_BASE_URL: stt.baseUrl,
  LLM_PROVIDER: 'openai',
  LLM_BASE_URL: llm.baseUrl,
  LLM_MODEL: 'fake-model',
}));

afterAll(async () => {
  prometheus?.kill('SIGTERM');
  await stt?.close();
  await llm?.close();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function query(expr: string): Promise<{ status: string; data: { result: unknown[] }; error?: string }> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  return (await response.json()) as never;
}

/** Four seconds of silence, 16 kHz mono 16-bit PCM: what every provider accepts. */
function writeSilence(file: string) {
  const samples = 16_000 * 4;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  writeFileSync(file, Buffer.concat([header, Buffer.alloc(samples * 2)]));
}

describe('the real Prometheus scraping the app', () => {
  it(
    'should evaluate every dashboard and rule expression, with data for the core ones',
    { timeout: 120_000 },
    async () => {
      const { app } = testApp();
      const metricsPort = (app.metricsServer!.address() as { port: number }).port;
      const dir = mkdtempSync(path.join(tmpdir(), 'prometheus-'));
      const rules = ['recording.yml', 'alerts.yml'].map((file) =>
        path.join(observabilityDir, 'prometheus/rules', file),
      );
      writeFileSync(
        path.join(dir, 'prometheus.yml'),
        [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          `rule_files: [${rules.map((file) => JSON.stringify(file)).join(', ')}]`,
          'scrape_configs:',
          '  - job_name: web',
          `    static_configs: [{ targets: ['127.0.0.1:${metricsPort}'] }]`,
        ].join('\n'),
      );
      const port = await freePort();
      prometheusUrl = `http://127.0.0.1:${port}`;
      prometheus = spawn(
        'prometheus',
        [
          `--config.file=${path.join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${path.join(dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${port}`,
        ],
        { stdio: 'ignore' },
      );

      // Traffic: API requests, a readiness probe, a transcription and a note through the providers' HTTP APIs.
      const { token, patientId } = await clinicWithPatient(api, 'Prometheus');
      await api.get(`/api/v1/patients/${patientId}`, token);
      await api.get('/readyz');
      const wav = path.join(dir, 'silence.wav');
      writeSilence(wav);
      const speech = measureSpeechToText(configuredSpeechToText(app.config, app.logger)!, app.metrics);
      await speech.transcribe({ path: wav, durationSec: 4 }, {});
      const writer = measureNoteWriter(
        configuredNoteWriter(app.config, app.logger)!,
        app.metrics,
        'fake-model',
      );
      await writer.complete({ messages: [{ role: 'user', content: 'Write the note.' }] });

      // Rates need two scrapes after the traffic; more traffic keeps the counters moving meanwhile.
      await vi.waitFor(
        async () => {
          await api.get(`/api/v1/patients/${patientId}`, token);
          await speech.transcribe({ path: wav, durationSec: 4 }, {});
          await writer.complete({ messages: [{ role: 'user', content: 'Again.' }] });
          const result = await query('sum(rate(llm_tokens_total[1m])) > 0').catch(() => undefined);
          expect(result?.data.result.length).toBe(1);
        },
        { timeout: 60_000, interval: 1_000 },
      );

      const failures: string[] = [];
      for (const { source, expr } of observabilityExpressions('1m')) {
        const result = await query(expr);
        if (result.status !== 'success') failures.push(`${source}: ${expr}: ${result.error}`);
      }
      expect(failures).toEqual([]);

      const core = [
        'sum by (route) (rate(http_request_duration_seconds_count[1m]))',
        'histogram_quantile(0.95, sum by (le, provider) (rate(stt_request_seconds_bucket{outcome="ok"}[1m])))',
        'histogram_quantile(0.5, sum by (le, provider) (rate(stt_real_time_factor_bucket[1m])))',
        'histogram_quantile(0.95, sum by (le, provider, model) (rate(llm_request_seconds_bucket{outcome="ok"}[1m])))',
        'sum by (model, direction) (rate(llm_tokens_total[1m]))',
        'max by (queue) (job_queue_oldest_age_seconds)',
        'sum by (job, state) (db_pool_connections)',
        'histogram_quantile(0.95, sum by (le, job) (rate(db_query_duration_seconds_bucket[1m])))',
        'min by (component) (readiness_status)',
      ];
      for (const expr of core) expect((await query(expr)).data.result.length, expr).toBeGreaterThan(0);
    },
  );
});
