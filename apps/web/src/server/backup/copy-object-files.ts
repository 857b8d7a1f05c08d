import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { tempFolderName } from '@healthcare/core/storage/local-disk-storage';

export interface ObjectFile {
  /** Path under the store, with forward slashes. */
  key: string;
  bytes: number;
  sha256: string;
}

/**
 * Copies the local object store file by file (objects and their metadata sidecars; not the
 * in-progress uploads folder) and returns what it copied, with checksums of the copies.
 */
export async function copyObjectFiles(from: string, to: string): Promise<ObjectFile[]> {
  const copied: ObjectFile[] = [];
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const key of await listFiles(from)) {
    const target = path.join(to, key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await copyFile(path.join(from, key), target);
    copied.push({ key, ...(await hashFile(target)) });
  }
  return copied;
}

/** Every file under `dir` (none when it does not exist), sorted, skipping the uploads in progress. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((key) => !key.startsWith(`${tempFolderName}/`))
    .sort();
}

export async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Files whose content is not what the manifest says (or that are missing), by key. */
export async function findDamagedFiles(dir: string, expected: ObjectFile[]): Promise<string[]> {
  const damaged: string[] = [];
  for (const file of expected) {
    const actual = await hashFile(path.join(dir, file.key)).catch(() => undefined);
    if (!actual || actual.sha256 !== file.sha256 || actual.bytes !== file.bytes) damaged.push(file.key);
  }
  return damaged;
}
