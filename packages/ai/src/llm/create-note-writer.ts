import { ensureModelFile, type ModelSource } from '../stt/ensure-model-file';
import { createAnthropicNoteWriter, type AnthropicNoteWriterOptions } from './anthropic-note-writer';
import { createEmbeddedNoteWriter } from './embedded-note-writer';
import type { NoteWriter } from './note-writer';
import { createOpenAiNoteWriter, type OpenAiNoteWriterOptions } from './openai-note-writer';

export type NoteWriterSettings =
  /** Also Azure OpenAI (with azureApiVersion), vLLM, Ollama and a llama.cpp server. */
  | ({ provider: 'openai' } & OpenAiNoteWriterOptions)
  | ({ provider: 'anthropic' } & AnthropicNoteWriterOptions)
  | {
      provider: 'embedded';
      modelPath: string | undefined;
      modelUrl: string;
      modelSha256: string | undefined;
      modelDirectory: string;
      threads: number | undefined;
      contextSize: number;
      maxOutputTokens: number;
      timeoutMs: number;
    };

/** The configured language model; none when nothing is configured (note writing then says so). */
export function createNoteWriter(
  settings: NoteWriterSettings | undefined,
  hooks: { onModelProgress?: ModelSource['onProgress'] } = {},
): NoteWriter | undefined {
  if (!settings) return undefined;
  switch (settings.provider) {
    case 'openai':
      return createOpenAiNoteWriter(settings);
    case 'anthropic':
      return createAnthropicNoteWriter(settings);
    case 'embedded':
      return createEmbeddedNoteWriter({
        modelFile: () =>
          ensureModelFile({
            kind: 'language',
            path: settings.modelPath,
            url: settings.modelUrl,
            directory: settings.modelDirectory,
            sha256: settings.modelSha256,
            ...(hooks.onModelProgress ? { onProgress: hooks.onModelProgress } : {}),
          }),
        ...(settings.threads ? { threads: settings.threads } : {}),
        contextSize: settings.contextSize,
        maxOutputTokens: settings.maxOutputTokens,
        timeoutMs: settings.timeoutMs,
      });
  }
}
