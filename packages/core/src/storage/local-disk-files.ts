import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ListedObject } from './object-storage';
import { isObjectKeySegment } from './validate-object-key';

export const isErrorCode = (error: unknown, ...codes: string[]) =>
  error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');

/** Written and fsynced under another name, then renamed: readers see the old content or the new, never half. */
export async function writeFileDurably(target: string, content: string, tempPath: string): Promise<void> {
  const handle = await open(tempPath, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, target);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** A rename is durable only once the directory holding the new name is fsynced too. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes what crashed writers left in the temp folder. A live write touches its file with every
 * chunk, so an hour without a change means nobody is writing it any more. Synchronous: it runs
 * once, at startup, before the storage serves anything.
 */
export function sweepStaleTempFiles(tempDir: string, maxAgeMs: number): void {
  const cutoff = Date.now() - maxAgeMs;
  for (const name of readdirSync(tempDir)) {
    const entry = path.join(tempDir, name);
    const stats = lstatSync(entry, { throwIfNoEntry: false });
    if (stats && stats.mtimeMs < cutoff) rmSync(entry, { recursive: true, force: true });
  }
}

/** Objects below `dir`, skipping sidecars and anything else that is not named like a key segment. */
export async function* walkObjects(dir: string, keyPrefix: string): AsyncGenerator<ListedObject> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isErrorCode(error, 'ENOENT', 'ENOTDIR')) return;
    throw error;
  }
  for (const entry of entries) {
    if (!isObjectKeySegment(entry.name)) continue;
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walkObjects(entryPath, `${keyPrefix}${entry.name}/`);
    } else if (entry.isFile()) {
      const stats = await stat(entryPath).catch(() => undefined);
      if (stats) yield { key: `${keyPrefix}${entry.name}`, size: stats.size };
    }
  }
}
