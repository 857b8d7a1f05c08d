import type { StorageConfig } from '../config/config';
import { createLocalDiskStorage } from './local-disk-storage';
import type { ObjectStorage } from './object-storage';
import { createS3Storage } from './s3-storage';

/** `signingSecret` signs the local driver's download links; S3 presigns with its own credentials. */
export function createObjectStorage(
  config: StorageConfig,
  options: { signingSecret: string },
): ObjectStorage {
  if (config.driver === 's3') return createS3Storage(config);
  return createLocalDiskStorage({
    dir: config.dir,
    signingSecret: options.signingSecret,
    downloadUrlTtlSeconds: config.downloadUrlTtlSeconds,
  });
}
