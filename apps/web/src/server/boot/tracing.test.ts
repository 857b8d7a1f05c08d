import { startFakeOtlpCollector } from '@healthcare/core/testing/fake-otlp-collector';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clinicWithPatient, createEncounter, putBytes } from '../testing/clinic-fixtures';
import { useAiPipelineApp } from '../testing/use-ai-pipeline-app';

const waitFor = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 60_000, interval: 100 });

let collector: Awaited<ReturnType<typeof startFakeOtlpCollector>>;
beforeAll(async () => {
  collector = await startFakeOtlpCollector();
});
afterAll(() => collector.close());

describe('OpenTelemetry traces over OTLP, when enabled', () => {
  const logLines: Record<string, unknown>[] = [];
  const { api, testApp, state } = useAiPipelineApp(
    () => ({
      OTEL_TRACES_ENABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      LOG_LEVEL: 'info',
    }),
    { logDestination: { write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) } },
  );

  it('should export one trace from the upload through the jobs to the speech and language model calls', async () => {
    const { token, patientId, session } = await clinicWithPatient(api, 'Tracing');
    const encounterId = await createEncounter(api, token, patientId);
    state.stt.enqueue({ kind: 'ok', text: () => 'Paciente Tracing relata tosse seca há cinco dias.' });
    // A gateway in front of us started the trace: we continue it rather than start our own.
    const callerTraceId = 'ab'.repeat(16);
    const uploaded = await putBytes(
      testApp().baseUrl,
      `/api/v1/encounters/${encounterId}/audio`,
      token,
      state.chunk,
      {
        traceparent: `00-${callerTraceId}-${'cd'.repeat(8)}-01`,
      },
    );
    expect(uploaded.status).toBe(202);
    await waitFor(async () =>
      expect((await api.get(`/api/v1/encounters/${encounterId}`, token)).body.status).toBe('ready'),
    );
    await testApp().app.tracing!.flush();

    const trace = collector.spans.filter((span) => span.traceId === callerTraceId);
    const named = (name: string) => {
      const span = trace.find((candidate) => candidate.name === name);
      expect(span, `${name} in ${trace.map((candidate) => candidate.name).join(', ')}`).toBeDefined();
      return span!;
    };
    const request = named('PUT /encounters/{id}/audio');
    const transcription = named('transcribe-recording process');
    const speech = named('transcribe openai');
    const finalize = named('finalize-transcript process');
    const note = named('generate-note process');
    const chat = named('chat gpt-4o-mini');
    expect(request).toMatchObject({
      parentSpanId: 'cd'.repeat(8),
      kind: 2, // server
      service: 'healthcare-web',
      attributes: {
        'http.request.method': 'PUT',
        'http.route': '/encounters/{id}/audio',
        'http.response.status_code': 202,
      },
    });
    expect(transcription).toMatchObject({ parentSpanId: request.spanId, kind: 5 /* consumer */ });
    expect(speech).toMatchObject({
      parentSpanId: transcription.spanId,
      kind: 3, // client
      attributes: { 'stt.provider': 'openai' },
    });
    expect(finalize.parentSpanId).toBe(transcription.spanId);
    expect(note.parentSpanId).toBe(finalize.spanId);
    expect(chat).toMatchObject({
      parentSpanId: note.spanId,
      attributes: { 'gen_ai.usage.output_tokens': expect.any(Number) },
    });

    // Logs and traces join: a line carries the ids of the span it was written in.
    expect(logLines).toContainEqual(
      expect.objectContaining({
        route: '/encounters/{id}/audio',
        traceId: callerTraceId,
        spanId: request.spanId,
      }),
    );
    expect(logLines).toContainEqual(
      expect.objectContaining({ queue: 'generate-note', traceId: callerTraceId, spanId: note.spanId }),
    );

    // No identifier of a patient, an encounter, a clinic or a user, and no words, in any span.
    const identifiers = [patientId, encounterId, session.user.id, session.clinic.id, 'Tracing', 'tosse'];
    const everything = JSON.stringify(collector.spans.map((span) => [span.name, span.attributes]));
    for (const identifier of identifiers) expect(everything).not.toContain(identifier);
  });
});

describe('OpenTelemetry traces, when not enabled', () => {
  const { api, testApp, state } = useAiPipelineApp(() => ({
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
  }));

  it('should record and export nothing, even with an endpoint configured', async () => {
    const before = collector.requestCount();
    const { token, patientId } = await clinicWithPatient(api, 'Untraced');
    const encounterId = await createEncounter(api, token, patientId);
    state.stt.enqueue({ kind: 'ok', text: () => 'Sem rastreamento.' });
    await putBytes(testApp().baseUrl, `/api/v1/encounters/${encounterId}/audio/chunks/0`, token, state.chunk);
    await waitFor(async () =>
      expect(
        (await api.get(`/api/v1/encounters/${encounterId}/transcript`, token)).body.segments,
      ).toHaveLength(1),
    );
    expect(testApp().app.tracing).toBeUndefined();
    expect(collector.requestCount()).toBe(before);
  });
});
