import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import type { StorageConfig } from '../config/config';
import { createAbortError } from './create-abort-error';
import { createMeasuringStream } from './create-measuring-stream';
import { formatContentDisposition } from './format-content-disposition';
import type { ListedObject, ObjectStorage } from './object-storage';
import { StorageUnavailableError } from './object-storage';
import { checkByteRange } from './resolve-byte-range';
import { resolveContentType } from './resolve-content-type';
import { resolveUrlLifetime } from './resolve-url-lifetime';
import { toS3StorageError } from './to-s3-storage-error';
import { validateObjectKey, validateObjectPrefix } from './validate-object-key';

export type S3StorageConfig = Extract<StorageConfig, { driver: 's3' }>;

// S3's minimum part size; 10,000 parts of it reach 48 GiB, far beyond hours of audio.
const partSize = 5 * 1024 * 1024;
// An upload holds queueSize parts in flight plus the one being filled: about 15 MiB each.
const queueSize = 2;
// DeleteObjects takes at most 1,000 keys, and a listing page returns at most as many.
const batchSize = 1000;

const parseContentRange = (header: string | undefined) => {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) } : undefined;
};

/**
 * Objects in one S3 (or S3-compatible) bucket. Bodies stream through a hashing, size-limiting
 * Transform into lib-storage's Upload: one PUT for small bodies, a multipart upload otherwise.
 */
export function createS3Storage(config: S3StorageConfig): ObjectStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Fail a readiness probe or an upload in seconds when the endpoint is unreachable, instead of hanging.
    requestHandler: { connectionTimeout: 5_000 },
    // Many S3-compatible servers (older MinIO, GCS) reject the SDK's default CRC checksums; our
    // own SHA-256 covers integrity there.
    ...(config.endpoint
      ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
  });
  const Bucket = config.bucket;
  const sse = config.serverSideEncryption;
  const encryption =
    sse?.type === 'AES256'
      ? { ServerSideEncryption: 'AES256' as const }
      : sse?.type === 'aws:kms'
        ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: sse.kmsKeyId }
        : {};

  async function* listPages(prefix: string) {
    let ContinuationToken: string | undefined;
    do {
      const page = await client
        .send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken, MaxKeys: batchSize }))
        .catch((error: unknown) => {
          throw toS3StorageError(error);
        });
      yield (page.Contents ?? []).flatMap((object): ListedObject[] =>
        object.Key ? [{ key: object.Key, size: object.Size ?? 0 }] : [],
      );
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  const deleteObject = (key: string) =>
    client.send(new DeleteObjectCommand({ Bucket, Key: key })).catch((error: unknown) => {
      throw toS3StorageError(error, key);
    });

  return {
    driver: 's3',

    async put(key, body, { contentType, maxBytes, signal } = {}) {
      validateObjectKey(key);
      const ContentType = resolveContentType(contentType);
      if (signal?.aborted) throw createAbortError(signal);
      const meter = createMeasuringStream(maxBytes);
      // Registered before Upload reads, so it has the stream's own error (too large, aborted,
      // the source failing) before Upload reports whatever it ran into while cleaning up.
      let streamError: unknown;
      meter.once('error', (error) => (streamError = error));
      pipeline(body, meter, () => {});
      // Ending the stream with an error, rather than calling upload.abort(), makes done() wait
      // until the multipart upload is aborted on the server: upload.abort() returns at once.
      const onAbort = () => signal && meter.destroy(createAbortError(signal));
      signal?.addEventListener('abort', onAbort, { once: true });
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: meter, ContentType, ...encryption },
        partSize,
        queueSize,
        // If aborting the multipart upload fails too, the bucket's AbortIncompleteMultipartUpload
        // lifecycle rule is the backstop.
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        meter.destroy();
        if (signal?.aborted) throw createAbortError(signal);
        throw streamError ?? toS3StorageError(error);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      if (signal?.aborted) {
        // Aborted after the last byte was read, while S3 was completing the object.
        await deleteObject(key);
        throw createAbortError(signal);
      }
      return meter.measured();
    },

    async get(key, { range } = {}) {
      validateObjectKey(key);
      if (range) checkByteRange(range);
      try {
        const response = await client.send(
          new GetObjectCommand({
            Bucket,
            Key: key,
            Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
          }),
        );
        const contentRange = parseContentRange(response.ContentRange);
        const size = contentRange?.size ?? response.ContentLength ?? 0;
        return {
          // In Node the SDK's body is the HTTP response itself, a Readable.
          body: response.Body as Readable,
          size,
          contentType: response.ContentType,
          range: contentRange
            ? { start: contentRange.start, end: contentRange.end }
            : range && { start: 0, end: size - 1 },
        };
      } catch (error) {
        throw toS3StorageError(error, key);
      }
    },

    async head(key) {
      validateObjectKey(key);
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { key, size: response.ContentLength ?? 0, contentType: response.ContentType };
      } catch (error) {
        throw toS3StorageError(error, key);
      }
    },

    async delete(key) {
      validateObjectKey(key);
      await deleteObject(key);
    },

    async deletePrefix(prefix) {
      validateObjectPrefix(prefix);
      let deleted = 0;
      for await (const objects of listPages(prefix)) {
        if (objects.length === 0) continue;
        const result = await client
          .send(
            new DeleteObjectsCommand({
              Bucket,
              Delete: { Objects: objects.map(({ key }) => ({ Key: key })), Quiet: true },
            }),
          )
          .catch((error: unknown) => {
            throw toS3StorageError(error);
          });
        if (result.Errors?.length) {
          const codes = [...new Set(result.Errors.map((failure) => failure.Code))].join(', ');
          throw new Error(`${result.Errors.length} objects could not be deleted (${codes}).`);
        }
        deleted += objects.length;
      }
      return deleted;
    },

    async *list(prefix) {
      validateObjectPrefix(prefix);
      for await (const objects of listPages(prefix)) yield* objects;
    },

    async downloadUrl(key, { fileName, contentType, expiresInSeconds } = {}) {
      validateObjectKey(key);
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentDisposition: formatContentDisposition(fileName),
        ResponseContentType: contentType === undefined ? undefined : resolveContentType(contentType),
      });
      const expiresIn = resolveUrlLifetime(expiresInSeconds, config.downloadUrlTtlSeconds);
      return getSignedUrl(client, command, { expiresIn });
    },

    // A HEAD rather than a write probe: the bucket is versioned, so writing on every probe would
    // pile up versions, and a missing write permission is a deployment error, not an outage.
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        throw new StorageUnavailableError({ cause: error });
      }
    },
  };
}
