import { createSpeechToText } from '@healthcare/ai/stt/create-speech-to-text';
import type { SpeechToText } from '@healthcare/ai/stt/speech-to-text';
import type { Config } from '../config/config';
import type { Logger } from '../logging/create-logger';
import { logModelDownload } from '../logging/log-model-download';

/** The configured speech-to-text, with the embedded model's first-use download reported in the log. */
export function configuredSpeechToText(config: Config, logger: Logger): SpeechToText | undefined {
  return createSpeechToText(config.stt, {
    onModelProgress: logModelDownload(logger, 'downloading the speech model'),
  });
}
