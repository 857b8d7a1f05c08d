import { createDeepgramSpeechToText, type DeepgramSpeechToTextOptions } from './deepgram-speech-to-text';
import { createEmbeddedSpeechToText } from './embedded-speech-to-text';
import { ensureModelFile, type ModelSource } from './ensure-model-file';
import { createOpenAiSpeechToText, type OpenAiSpeechToTextOptions } from './openai-speech-to-text';
import type { SpeechToText } from './speech-to-text';

export type SpeechToTextSettings =
  | ({ provider: 'openai' } & OpenAiSpeechToTextOptions)
  | ({ provider: 'deepgram' } & DeepgramSpeechToTextOptions)
  | {
      provider: 'embedded';
      modelPath: string | undefined;
      modelUrl: string;
      modelSha256: string | undefined;
      modelDirectory: string;
      threads: number | undefined;
    };

/** The configured engine; none when nothing is configured (transcription then says so). */
export function createSpeechToText(
  settings: SpeechToTextSettings | undefined,
  hooks: { onModelProgress?: ModelSource['onProgress'] } = {},
): SpeechToText | undefined {
  if (!settings) return undefined;
  switch (settings.provider) {
    case 'deepgram':
      return createDeepgramSpeechToText(settings);
    case 'openai':
      return createOpenAiSpeechToText(settings);
    case 'embedded':
      return createEmbeddedSpeechToText({
        modelFile: () =>
          ensureModelFile({
            path: settings.modelPath,
            url: settings.modelUrl,
            directory: settings.modelDirectory,
            sha256: settings.modelSha256,
            ...(hooks.onModelProgress ? { onProgress: hooks.onModelProgress } : {}),
          }),
        ...(settings.threads ? { threads: settings.threads } : {}),
      });
  }
}
