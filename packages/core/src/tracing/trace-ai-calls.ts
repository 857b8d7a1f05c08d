import { SpanKind } from '@opentelemetry/api';
import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import type { SpeechToText } from '@healthcare/ai/stt/speech-to-text';
import type { Tracing } from './start-tracing';
import { inSpan } from './trace-context';

/**
 * A client span around every speech-to-text call. Attributes are the provider and the audio's
 * length: never the audio, its file name, the prompt or the transcript.
 */
export function traceSpeechToText(stt: SpeechToText, tracing: Tracing): SpeechToText {
  return {
    name: stt.name,
    transcribe: (audio, options) =>
      inSpan(
        tracing,
        `transcribe ${stt.name}`,
        {
          kind: SpanKind.CLIENT,
          attributes: { 'stt.provider': stt.name, 'stt.audio_seconds': audio.durationSec },
        },
        () => stt.transcribe(audio, options),
      ),
  };
}

/** A client span around every language model call: provider, model and token counts, never the messages. */
export function traceNoteWriter(writer: NoteWriter, tracing: Tracing, configuredModel: string): NoteWriter {
  return {
    name: writer.name,
    complete: (request) =>
      inSpan(
        tracing,
        `chat ${configuredModel}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': writer.name,
            'gen_ai.request.model': configuredModel,
          },
        },
        async (span) => {
          const completion = await writer.complete(request);
          span?.setAttributes({
            'gen_ai.usage.input_tokens': completion.usage.inputTokens,
            'gen_ai.usage.output_tokens': completion.usage.outputTokens,
          });
          return completion;
        },
      ),
  };
}
