import { createNoteWriter } from '@healthcare/ai/llm/create-note-writer';
import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import type { Config } from '../config/config';
import type { Logger } from '../logging/create-logger';

/** The configured language model, with the embedded model's first-use download reported in the log. */
export function configuredNoteWriter(config: Config, logger: Logger): NoteWriter | undefined {
  return createNoteWriter(config.llm, {
    onModelProgress: ({ receivedBytes, totalBytes, resumed }) =>
      logger.info(
        {
          receivedMiB: Math.round(receivedBytes / 1024 / 1024),
          totalMiB: totalBytes ? Math.round(totalBytes / 1024 / 1024) : undefined,
          percent: totalBytes ? Math.floor((receivedBytes / totalBytes) * 100) : undefined,
          resumed,
        },
        'downloading the language model',
      ),
  });
}
