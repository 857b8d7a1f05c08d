import { describe, expect, it } from 'vitest';
import { identifyingLabels, seriesValue } from './prometheus-exposition';

const patientId = '3f1c2a9e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';

describe('identifyingLabels', () => {
  it('should find a label named for an id, a UUID in a value, and a planted word', () => {
    const exposition = [
      '# HELP requests_total Requests.',
      `requests_total{patient_id="p1"} 1`,
      `http_request_duration_seconds_count{route="/patients/${patientId}",method="GET"} 2`,
      `stt_request_seconds_count{provider="openai",model="Maria Souza"} 3`,
    ].join('\n');
    expect(identifyingLabels(exposition, ['Maria'])).toEqual([
      'requests_total{patient_id="p1"}: the label\'s name',
      `http_request_duration_seconds_count{route="/patients/${patientId}"}: a UUID`,
      'stt_request_seconds_count{model="Maria Souza"}: contains Maria',
    ]);
  });

  it('should pass bounded labels, and sum the series that match', () => {
    const exposition = [
      'stt_request_seconds_count{service="stt",provider="whisper.cpp",model="ggml-base",outcome="ok"} 3',
      'stt_request_seconds_count{outcome="busy",service="stt",provider="whisper.cpp",model="ggml-base"} 1',
      'stt_model_loaded{service="stt"} 1',
    ].join('\n');
    expect(identifyingLabels(exposition, [patientId])).toEqual([]);
    expect(seriesValue(exposition, 'stt_request_seconds_count', { service: 'stt' })).toBe(4);
    expect(seriesValue(exposition, 'stt_request_seconds_count', { outcome: 'busy' })).toBe(1);
    expect(seriesValue(exposition, 'stt_in_flight')).toBeUndefined();
  });
});
