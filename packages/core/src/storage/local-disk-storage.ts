import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createAbortError } from './create-abort-error';
import { createMeasuringStream } from './create-measuring-stream';
import {
  isErrorCode,
  sweepStaleTempFiles,
  syncDirectory,
  walkObjects,
  writeFileDurably,
} from './local-disk-files';
import { signLocalDownloadToken } from './local-download-token';
import {
  InvalidObjectKeyError,
  ObjectNotFoundError,
  type ObjectStorage,
  StorageUnavailableError,
} from './object-storage';
import { checkByteRange, resolveByteRange } from './resolve-byte-range';
import { resolveContentType } from './resolve-content-type';
import { resolveUrlLifetime } from './resolve-url-lifetime';
import { validateObjectKey, validateObjectPrefix } from './validate-object-key';

export interface LocalDiskStorageOptions {
  dir: string;
  /** Signs download tokens; verify them with verifyLocalDownloadToken and the same secret. */
  signingSecret: string;
  downloadUrlTtlSeconds: number;
}

// `~` never occurs in a key segment, so neither name can collide with an object.
export const tempFolderName = '~tmp';
const sidecarSuffix = '~meta.json';
const staleTempAgeMs = 60 * 60 * 1000;
// Patient data: other local users must not read it (files 0600, folders 0700).
const folderMode = 0o700;
const fileMode = 0o600;
// Conditions of the disk rather than of one object: the HTTP layer answers 503.
const unavailableCodes = [
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EIO',
  'EACCES',
  'EPERM',
  'EMFILE',
  'ENFILE',
  'ESTALE',
];

const toStorageError = (error: unknown) =>
  isErrorCode(error, ...unavailableCodes) ? new StorageUnavailableError({ cause: error }) : error;

/**
 * Objects as files under `dir`, for the single-host mode. Writes go to `dir/~tmp` (same
 * filesystem) and are renamed into place once complete and fsynced; the content type lives in
 * a `<file>~meta.json` sidecar written the same way, before the object appears.
 */
export function createLocalDiskStorage(options: LocalDiskStorageOptions): ObjectStorage {
  // HMAC-SHA256 gains nothing from a longer key and loses a lot from a short one.
  if (options.signingSecret.length < 32) throw new Error('The download signing secret is too short.');
  const root = path.resolve(options.dir);
  const tempDir = path.join(root, tempFolderName);
  mkdirSync(tempDir, { recursive: true, mode: folderMode });
  sweepStaleTempFiles(tempDir, staleTempAgeMs);

  const tempPath = () => path.join(tempDir, randomUUID());
  const pathOf = (segments: string[]) => {
    const target = path.join(root, ...segments);
    const relative = path.relative(root, target);
    if (
      relative === '' ||
      relative === '..' ||
      relative.startsWith(`..${path.sep}`) ||
      path.isAbsolute(relative)
    ) {
      throw new InvalidObjectKeyError('outside the storage directory');
    }
    return target;
  };
  const objectPath = (key: string) => pathOf(validateObjectKey(key));
  const readContentType = async (target: string) => {
    try {
      const sidecar = JSON.parse(await readFile(`${target}${sidecarSuffix}`, 'utf8')) as {
        contentType?: unknown;
      };
      return typeof sidecar.contentType === 'string' ? sidecar.contentType : undefined;
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return undefined;
      throw error;
    }
  };

  return {
    driver: 'local',

    async put(key, body, { contentType, maxBytes, signal } = {}) {
      const target = objectPath(key);
      const sidecar = JSON.stringify({ contentType: resolveContentType(contentType) });
      const temp = tempPath();
      const meter = createMeasuringStream(maxBytes);
      const handle = await open(temp, 'wx', fileMode).catch((error: unknown) => {
        throw toStorageError(error);
      });
      try {
        // The stream owns the handle: it fsyncs (flush) and closes it, on success and on error.
        await pipeline(body, meter, handle.createWriteStream({ flush: true }), { signal });
        if (signal?.aborted) throw createAbortError(signal);
        await mkdir(path.dirname(target), { recursive: true, mode: folderMode });
        await writeFileDurably(`${target}${sidecarSuffix}`, sidecar, tempPath());
        await rename(temp, target);
        await syncDirectory(path.dirname(target));
        return meter.measured();
      } catch (error) {
        await rm(temp, { force: true });
        if (signal?.aborted) throw createAbortError(signal);
        throw toStorageError(error);
      }
    },

    async get(key, { range } = {}) {
      const target = objectPath(key);
      if (range) checkByteRange(range);
      const handle = await open(target, 'r').catch((error: unknown) => {
        throw isErrorCode(error, 'ENOENT', 'ENOTDIR') ? new ObjectNotFoundError(key) : toStorageError(error);
      });
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) throw new ObjectNotFoundError(key);
        const resolved = range ? resolveByteRange(range, stats.size) : undefined;
        const contentType = await readContentType(target);
        // Reading from the opened handle: a concurrent overwrite renames a new file into place
        // and cannot change the bytes of this one halfway through.
        const body = handle.createReadStream(resolved ? { start: resolved.start, end: resolved.end } : {});
        return { body, size: stats.size, contentType, range: resolved };
      } catch (error) {
        await handle.close();
        throw toStorageError(error);
      }
    },

    async head(key) {
      const target = objectPath(key);
      const stats = await stat(target).catch((error: unknown) => {
        throw isErrorCode(error, 'ENOENT', 'ENOTDIR') ? new ObjectNotFoundError(key) : toStorageError(error);
      });
      if (!stats.isFile()) throw new ObjectNotFoundError(key);
      return { key, size: stats.size, contentType: await readContentType(target) };
    },

    // Empty folders stay behind: removing them could race a put renaming a file into one.
    async delete(key) {
      const target = objectPath(key);
      for (const file of [target, `${target}${sidecarSuffix}`]) {
        await unlink(file).catch((error: unknown) => {
          // EISDIR: the key names a folder of other objects, not an object.
          if (!isErrorCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw toStorageError(error);
        });
      }
    },

    async deletePrefix(prefix) {
      const source = pathOf(validateObjectPrefix(prefix));
      const doomed = tempPath();
      // One rename makes the whole tree vanish at once; a crash while removing it leaves it in
      // the temp folder for the next sweep.
      try {
        await rename(source, doomed);
      } catch (error) {
        if (isErrorCode(error, 'ENOENT', 'ENOTDIR')) return 0;
        throw toStorageError(error);
      }
      let count = 0;
      for await (const _ of walkObjects(doomed, '')) count += 1;
      await rm(doomed, { recursive: true, force: true });
      return count;
    },

    async *list(prefix) {
      const segments = validateObjectPrefix(prefix);
      yield* walkObjects(pathOf(segments), prefix);
    },

    async downloadUrl(key, { fileName, contentType, expiresInSeconds } = {}) {
      validateObjectKey(key);
      if (contentType !== undefined) resolveContentType(contentType);
      const lifetime = resolveUrlLifetime(expiresInSeconds, options.downloadUrlTtlSeconds);
      const expiresAt = Math.floor(Date.now() / 1000) + lifetime;
      const token = signLocalDownloadToken(options.signingSecret, { key, fileName, contentType }, expiresAt);
      return `/api/v1/files/${token}`;
    },

    async check() {
      const probe = tempPath();
      try {
        await writeFileDurably(probe, 'ok', tempPath());
        if ((await readFile(probe, 'utf8')) !== 'ok') throw new Error('The storage probe read back wrong.');
      } catch (error) {
        throw new StorageUnavailableError({ cause: error });
      } finally {
        await rm(probe, { force: true });
      }
    },
  };
}
