import type { SpeechToText } from '@healthcare/ai/stt/speech-to-text';
import { PermanentJobError } from '../jobs/job-errors';

export function requireSpeechToText(stt: SpeechToText | undefined): SpeechToText {
  if (!stt) {
    throw new PermanentJobError(
      'The recording was saved, but no speech-to-text service is configured, so it cannot be transcribed. An administrator can set STT_PROVIDER (see .env.example); then use “retry”.',
    );
  }
  return stt;
}
