import { createDeepgramSpeechToText, type DeepgramSpeechToTextOptions } from './deepgram-speech-to-text';
import { createOpenAiSpeechToText, type OpenAiSpeechToTextOptions } from './openai-speech-to-text';
import type { SpeechToText } from './speech-to-text';

export type SpeechToTextSettings =
  | ({ provider: 'openai' } & OpenAiSpeechToTextOptions)
  | ({ provider: 'deepgram' } & DeepgramSpeechToTextOptions);

/** The configured engine; none when nothing is configured (transcription then says so). */
export function createSpeechToText(settings: SpeechToTextSettings | undefined): SpeechToText | undefined {
  if (!settings) return undefined;
  return settings.provider === 'deepgram'
    ? createDeepgramSpeechToText(settings)
    : createOpenAiSpeechToText(settings);
}
