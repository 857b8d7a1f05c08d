import { createSpeechToText } from '@healthcare/ai/stt/create-speech-to-text';
import type { SpeechToText } from '@healthcare/ai/stt/speech-to-text';
import type { Config } from '../config/config';
import type { Logger } from '../logging/create-logger';

/** The configured speech-to-text, with the embedded model's first-use download reported in the log. */
export function configuredSpeechToText(config: Config, logger: Logger): SpeechToText | undefined {
  return createSpeechToText(config.stt, {
    onModelProgress: ({ receivedBytes, totalBytes, resumed }) =>
      logger.info(
        {
          receivedMiB: Math.round(receivedBytes / 1024 / 1024),
          totalMiB: totalBytes ? Math.round(totalBytes / 1024 / 1024) : undefined,
          percent: totalBytes ? Math.floor((receivedBytes / totalBytes) * 100) : undefined,
          resumed,
        },
        'downloading the speech model',
      ),
  });
}
