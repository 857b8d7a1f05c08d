import { createOpenAiSpeechToText, type OpenAiSpeechToTextOptions } from './openai-speech-to-text';
import type { SpeechToText } from './speech-to-text';

export type SpeechToTextSettings = { provider: 'openai' } & OpenAiSpeechToTextOptions;

/** The configured engine; none when nothing is configured (transcription then says so). */
export function createSpeechToText(settings: SpeechToTextSettings | undefined): SpeechToText | undefined {
  if (!settings) return undefined;
  return createOpenAiSpeechToText(settings);
}
