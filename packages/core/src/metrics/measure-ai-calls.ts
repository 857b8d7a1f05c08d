import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import type { SpeechToText } from '@healthcare/ai/stt/speech-to-text';
import type { AppMetrics } from './app-metrics';

/**
 * Every speech-to-text call, embedded engine or HTTP API alike, timed with its real-time factor.
 * Measured here rather than in packages/ai so that package stays free of a metrics library.
 */
export function measureSpeechToText(
  stt: SpeechToText,
  metrics: AppMetrics,
  configuredModel: string,
): SpeechToText {
  const labels = { provider: stt.name, model: configuredModel };
  return {
    name: stt.name,
    async transcribe(audio, options) {
      const started = performance.now();
      try {
        const transcript = await stt.transcribe(audio, options);
        const seconds = (performance.now() - started) / 1000;
        metrics.sttDuration.observe({ ...labels, outcome: 'ok' }, seconds);
        if (audio.durationSec > 0) {
          metrics.sttRealTimeFactor.observe(labels, seconds / audio.durationSec);
          metrics.sttAudioSeconds.inc(labels, audio.durationSec);
        }
        return transcript;
      } catch (error) {
        metrics.sttDuration.observe({ ...labels, outcome: 'error' }, (performance.now() - started) / 1000);
        throw error;
      }
    },
  };
}

/** Every language model call, timed, with its tokens by direction. */
export function measureNoteWriter(
  writer: NoteWriter,
  metrics: AppMetrics,
  configuredModel: string,
): NoteWriter {
  const provider = writer.name;
  return {
    name: writer.name,
    async complete(request) {
      const started = performance.now();
      try {
        const completion = await writer.complete(request);
        // The configured model, not the answer's: providers append dates and revisions to it.
        const labels = { provider, model: configuredModel };
        metrics.llmDuration.observe({ ...labels, outcome: 'ok' }, (performance.now() - started) / 1000);
        metrics.llmTokens.inc({ ...labels, direction: 'input' }, completion.usage.inputTokens);
        metrics.llmTokens.inc({ ...labels, direction: 'output' }, completion.usage.outputTokens);
        return completion;
      } catch (error) {
        metrics.llmDuration.observe(
          { provider, model: configuredModel, outcome: 'error' },
          (performance.now() - started) / 1000,
        );
        throw error;
      }
    },
  };
}
