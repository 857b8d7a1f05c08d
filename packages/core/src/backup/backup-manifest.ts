import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';

/** What the database held at one moment, written beside a backup and checked after restoring it. */
export const backupManifestSchema = z.object({
  version: z.literal(1),
  database: z.string(),
  /** A named point in the WAL (pg_create_restore_point): a restore can stop exactly there. */
  restorePoint: z.string(),
  /** The server's clock at that moment, in PostgreSQL's text form (microseconds kept). */
  recordedAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int().min(0), checksum: z.string() })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

export async function writeBackupManifest(file: string, manifest: BackupManifest): Promise<void> {
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

export async function readBackupManifest(file: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`The backup manifest ${file} could not be read.`, { cause: error });
  }
  const parsed = backupManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`The backup manifest ${file} is not one this tool wrote.`);
  return parsed.data;
}
