/**
 * `npm run eval`: speaks the scripted consultations with espeak-ng, transcribes them with the
 * speech-to-text the environment configures (the same variables the product reads), and prints
 * the word error rate of each. Numbers are compared as digits (see normalize-transcript.ts).
 */
import { formatEvalReport } from '@healthcare/ai/eval/format-eval-report';
import { runEval } from '@healthcare/ai/eval/run-eval';
import { scriptedConsultations } from '@healthcare/ai/eval/scripted-consultations';
import { loadConfigOrExit } from '@healthcare/core/config/load-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { configuredSpeechToText } from '@healthcare/core/transcripts/configured-speech-to-text';

const config = loadConfigOrExit();
const stt = configuredSpeechToText(config, createLogger({ level: config.log.level, name: 'eval' }));
if (!stt) {
  console.error(
    'No speech-to-text is configured (STT_PROVIDER=none, or a DATABASE_URL without STT_PROVIDER). Set STT_PROVIDER and its settings; see .env.example.',
  );
  process.exit(1);
}

try {
  console.log(
    `eval: ${scriptedConsultations.length} scripted consultations through ${stt.name} speech-to-text\n`,
  );
  const report = await runEval({ stt });
  console.log(formatEvalReport(report));
  // The embedded engine keeps its model loaded (and this process alive) for minutes after use.
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
