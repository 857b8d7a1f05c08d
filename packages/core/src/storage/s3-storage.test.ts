import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningS3rver, startS3rver } from '../testing/start-s3rver';
import { StorageUnavailableError } from './object-storage';
import { createS3Storage, type S3StorageConfig } from './s3-storage';

/** A port nothing listens on: bound once to get a free number, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('S3 storage', () => {
  describe('when the endpoint cannot be reached', () => {
    let config: S3StorageConfig;
    beforeAll(async () => {
      config = {
        driver: 's3',
        bucket: 'healthcare-test',
        region: 'us-east-1',
        endpoint: `http://127.0.0.1:${await closedPort()}`,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        serverSideEncryption: undefined,
        downloadUrlTtlSeconds: 300,
      };
    });

    it('should fail its readiness check with StorageUnavailableError', async () => {
      await expect(createS3Storage(config).check()).rejects.toBeInstanceOf(StorageUnavailableError);
    });

    it('should report StorageUnavailableError on reads, writes and deletes', async () => {
      const storage = createS3Storage(config);
      await expect(storage.head('clinics/a/x')).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.get('clinics/a/x')).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.delete('clinics/a/x')).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.deletePrefix('clinics/a/')).rejects.toBeInstanceOf(StorageUnavailableError);
    });

    it('should report StorageUnavailableError on a put and release the source stream', async () => {
      const source = Readable.from([Buffer.from('recording')]);
      await expect(createS3Storage(config).put('clinics/a/x', source)).rejects.toBeInstanceOf(
        StorageUnavailableError,
      );
      expect(source.destroyed).toBe(true);
    });
  });

  describe('with server-side encryption configured', () => {
    let s3rver: RunningS3rver;
    beforeAll(async () => {
      s3rver = await startS3rver();
    });
    afterAll(() => s3rver?.stop());

    // s3rver ignores the encryption headers: this shows only that the requests are well formed.
    it.each([{ type: 'AES256' as const }, { type: 'aws:kms' as const, kmsKeyId: 'alias/healthcare' }])(
      'should store and read back objects with %o',
      async (serverSideEncryption) => {
        const storage = createS3Storage({ ...s3rver.config, serverSideEncryption });
        const stored = await storage.put(
          'clinics/a/encrypted',
          Readable.from([Buffer.alloc(6 * 1024 * 1024, 1)]),
        );
        expect(stored.size).toBe(6 * 1024 * 1024);
        expect((await storage.head('clinics/a/encrypted')).size).toBe(6 * 1024 * 1024);
      },
    );
  });
});
