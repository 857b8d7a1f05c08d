import { createNoteWriter } from '@healthcare/ai/llm/create-note-writer';
import type { NoteWriter } from '@healthcare/ai/llm/note-writer';
import type { Config } from '../config/config';
import type { Logger } from '../logging/create-logger';
import { logModelDownload } from '../logging/log-model-download';

/** The configured language model, with the embedded model's first-use download reported in the log. */
export function configuredNoteWriter(config: Config, logger: Logger): NoteWriter | undefined {
  return createNoteWriter(config.llm, {
    onModelProgress: logModelDownload(logger, 'downloading the language model'),
  });
}
