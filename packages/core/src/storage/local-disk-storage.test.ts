import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalDiskStorage, tempFolderName } from './local-disk-storage';
import { InvalidDownloadTokenError, verifyLocalDownloadToken } from './local-download-token';
import { ObjectNotFoundError, StorageUnavailableError } from './object-storage';

const signingSecret = randomBytes(32).toString('base64url');
const bodyOf = (text: string) => Readable.from([Buffer.from(text)]);

describe('local disk storage', () => {
  let root: string;
  let dir: string;
  const create = () => createLocalDiskStorage({ dir, signingSecret, downloadUrlTtlSeconds: 300 });
  const tempFiles = () => readdir(path.join(dir, tempFolderName));

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'local-storage-'));
    dir = path.join(root, 'objects');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('should sweep temp files older than an hour at startup and keep fresher ones', async () => {
    create();
    const temp = path.join(dir, tempFolderName);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await writeFile(path.join(temp, 'crashed-upload'), 'partial');
    await mkdir(path.join(temp, 'crashed-delete-prefix', 'a'), { recursive: true });
    await writeFile(path.join(temp, 'crashed-delete-prefix', 'a', 'object'), 'x');
    await utimes(path.join(temp, 'crashed-upload'), twoHoursAgo, twoHoursAgo);
    await utimes(path.join(temp, 'crashed-delete-prefix'), twoHoursAgo, twoHoursAgo);
    await writeFile(path.join(temp, 'upload-in-progress'), 'still writing');

    create();

    expect(await tempFiles()).toEqual(['upload-in-progress']);
  });

  it('should never show what a crash mid-write left behind, in list, head or get', async () => {
    const storage = create();
    await storage.put('clinics/a/kept', bodyOf('kept'));
    // Crashed while streaming: the bytes are only in the temp folder.
    await writeFile(path.join(dir, tempFolderName, 'c0ffee'), 'half a recording');
    // Crashed after the sidecar was renamed into place but before the object was.
    await writeFile(path.join(dir, 'clinics', 'a', 'crashed~meta.json'), '{"contentType":"audio/webm"}');

    for (const storageAfterRestart of [storage, create()]) {
      const listed = [];
      for await (const object of storageAfterRestart.list('clinics/a/')) listed.push(object);
      expect(listed).toEqual([{ key: 'clinics/a/kept', size: 4 }]);
      await expect(storageAfterRestart.head('clinics/a/crashed')).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(storageAfterRestart.get('clinics/a/crashed')).rejects.toBeInstanceOf(ObjectNotFoundError);
    }
  });

  it('should keep every object inside its directory', async () => {
    const storage = create();
    // `..hidden` is an ordinary segment, not a parent reference.
    await storage.put('..hidden/x', bodyOf('inside'));
    expect((await stat(path.join(dir, '..hidden', 'x'))).isFile()).toBe(true);
    expect(await readdir(root)).toEqual(['objects']);
  });

  it('should make objects and their folders readable by the service user only', async () => {
    const storage = create();
    await storage.put('clinics/a/note', bodyOf('private'));
    expect((await stat(path.join(dir, 'clinics', 'a', 'note'))).mode & 0o077).toBe(0);
    expect((await stat(path.join(dir, 'clinics', 'a'))).mode & 0o077).toBe(0);
  });

  it('should not take a folder of other objects for an object', async () => {
    const storage = create();
    await storage.put('clinics/a/b', bodyOf('x'));
    await expect(storage.head('clinics/a')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.get('clinics/a')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await storage.delete('clinics/a');
    expect((await storage.head('clinics/a/b')).size).toBe(1);
  });

  it('should fail its readiness check with StorageUnavailableError when the directory is gone', async () => {
    const storage = create();
    await rm(dir, { recursive: true });
    await expect(storage.check()).rejects.toBeInstanceOf(StorageUnavailableError);
  });

  it('should refuse a signing secret shorter than 32 characters', () => {
    expect(() => createLocalDiskStorage({ dir, signingSecret: 'short', downloadUrlTtlSeconds: 300 })).toThrow(
      /too short/,
    );
  });

  describe('download tokens', () => {
    const tokenOf = (url: string) => {
      expect(url).toMatch(/^\/api\/v1\/files\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      return url.slice('/api/v1/files/'.length);
    };

    it('should carry the key, file name and content type to the route that verifies them', async () => {
      const url = await create().downloadUrl('clinics/a/doc', {
        fileName: 'Befund.pdf',
        contentType: 'application/pdf',
      });
      expect(verifyLocalDownloadToken(signingSecret, tokenOf(url))).toEqual({
        key: 'clinics/a/doc',
        fileName: 'Befund.pdf',
        contentType: 'application/pdf',
      });
      const plain = await create().downloadUrl('clinics/a/doc');
      expect(verifyLocalDownloadToken(signingSecret, tokenOf(plain))).toEqual({
        key: 'clinics/a/doc',
        fileName: undefined,
        contentType: undefined,
      });
    });

    it('should reject a token whose payload names another object', async () => {
      const token = tokenOf(await create().downloadUrl('clinics/a/doc'));
      const [payload, signature] = token.split('.') as [string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k: string };
      claims.k = 'clinics/b/doc';
      const forged = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      expect(() => verifyLocalDownloadToken(signingSecret, forged)).toThrow(InvalidDownloadTokenError);
    });

    it('should reject a token with an altered signature, even in a last character’s spare bits', async () => {
      const token = tokenOf(await create().downloadUrl('clinics/a/doc'));
      for (const index of [token.length - 1, token.length - 10]) {
        const original = token[index];
        for (const replacement of ['A', 'B', 'C', 'D']) {
          if (replacement === original) continue;
          const altered = `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
          expect(() => verifyLocalDownloadToken(signingSecret, altered)).toThrow(InvalidDownloadTokenError);
        }
      }
    });

    it('should reject an expired token and accept it until then', async () => {
      const token = tokenOf(await create().downloadUrl('clinics/a/doc', { expiresInSeconds: 60 }));
      expect(verifyLocalDownloadToken(signingSecret, token, Date.now() + 55_000).key).toBe('clinics/a/doc');
      expect(() => verifyLocalDownloadToken(signingSecret, token, Date.now() + 61_000)).toThrow(
        InvalidDownloadTokenError,
      );
    });

    it('should reject a token signed with another secret', async () => {
      const token = tokenOf(await create().downloadUrl('clinics/a/doc'));
      expect(() => verifyLocalDownloadToken(randomBytes(32).toString('base64url'), token)).toThrow(
        InvalidDownloadTokenError,
      );
    });

    it.each(['', 'abc', 'a.b.c', '.', `${'a'.repeat(5000)}.b`])(
      'should reject the malformed token %#',
      (token) => {
        expect(() => verifyLocalDownloadToken(signingSecret, token)).toThrow(InvalidDownloadTokenError);
      },
    );
  });
});
