import type { ModelSource } from '@healthcare/ai/stt/ensure-model-file';
import type { Logger } from './create-logger';

/** Progress of an embedded model's first-use download, in the log where the operator looks. */
export function logModelDownload(logger: Logger, message: string): NonNullable<ModelSource['onProgress']> {
  return ({ receivedBytes, totalBytes, resumed }) =>
    logger.info(
      {
        receivedMiB: Math.round(receivedBytes / 1024 / 1024),
        totalMiB: totalBytes ? Math.round(totalBytes / 1024 / 1024) : undefined,
        percent: totalBytes ? Math.floor((receivedBytes / totalBytes) * 100) : undefined,
        resumed,
      },
      message,
    );
}
