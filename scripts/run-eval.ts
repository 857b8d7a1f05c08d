/**
 * `npm run eval`: speaks the scripted consultations with espeak-ng, transcribes them with the
 * speech-to-text the environment configures (the same variables the product reads), and prints
 * the word error rate of each (numbers compared as digits, see normalize-transcript.ts); with a
 * language model configured, it writes and checks each note and prints its evidence figures.
 */
import { formatEvalReport } from '@healthcare/ai/eval/format-eval-report';
import { runEval } from '@healthcare/ai/eval/run-eval';
import { scriptedConsultations } from '@healthcare/ai/eval/scripted-consultations';
import { loadConfigOrExit } from '@healthcare/core/config/load-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { configuredNoteWriter } from '@healthcare/core/notes/configured-note-writer';
import { createNoteEvalStep } from '@healthcare/core/notes/note-eval-step';
import { configuredSpeechToText } from '@healthcare/core/transcripts/configured-speech-to-text';

const config = loadConfigOrExit();
const logger = createLogger({ level: config.log.level, name: 'eval' });
const stt = configuredSpeechToText(config, logger);
// Without a language model the word error rates are still reported; the note columns are left out.
const writer = configuredNoteWriter(config, logger);
if (!stt) {
  console.error(
    'No speech-to-text is configured (STT_PROVIDER=none, or a DATABASE_URL without STT_PROVIDER). Set STT_PROVIDER and its settings; see .env.example.',
  );
  process.exit(1);
}

try {
  console.log(
    `eval: ${scriptedConsultations.length} scripted consultations through ${stt.name} speech-to-text` +
      (writer ? ` and the ${writer.name} language model\n` : '\n'),
  );
  const report = await runEval({
    stt,
    ...(writer ? { noteStep: createNoteEvalStep(writer, config.notes) } : {}),
  });
  console.log(formatEvalReport(report));
  // The embedded engine keeps its model loaded (and this process alive) for minutes after use.
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
