import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Creates `directory` readable by this user only, while its parents get ordinary permissions:
 * `mkdir -p` with a mode would make the whole data directory private, and the embedded
 * PostgreSQL, which runs as its own system user when we are root, could no longer reach its files.
 */
export async function ensurePrivateDirectory(directory: string): Promise<void> {
  await mkdir(path.dirname(directory), { recursive: true });
  await mkdir(directory, { recursive: true, mode: 0o700 });
}
