import { loadSttServiceConfigOrExit } from '@healthcare/core/config/stt-service-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { startSttService } from './start-stt-service';

// The cluster's `stt` container: Whisper behind OpenAI's transcription API, for the workers.
const config = loadSttServiceConfigOrExit();
const logger = createLogger({ level: config.log.level, name: 'stt' });
const service = await startSttService(config, logger);

// Longer than a five-minute window takes on a slow CPU; the orchestrator's grace period should exceed it.
const shutdownDeadlineMs = 10 * 60 * 1000;
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stt shutting down; finishing the transcriptions in progress');
  setTimeout(() => {
    logger.error('transcriptions still running at the shutdown deadline; exiting anyway');
    process.exit(1);
  }, shutdownDeadlineMs).unref();
  await service.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
