import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const embeddedBackupManifestSchema = z.object({
  format: z.literal('healthcare-embedded-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int().min(0), checksum: z.string() })),
  /** Absent when the objects live in S3, which keeps its own versions. */
  objects: z
    .array(z.object({ key: z.string(), bytes: z.number().int().min(0), sha256: z.string() }))
    .optional(),
});

export type EmbeddedBackupManifest = z.infer<typeof embeddedBackupManifestSchema>;

export const manifestFileName = 'manifest.json';
export const databaseFolder = 'database';
export const objectsFolder = 'objects';

export async function writeEmbeddedManifest(dir: string, manifest: EmbeddedBackupManifest): Promise<void> {
  await writeFile(path.join(dir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
  });
}

export async function readEmbeddedManifest(dir: string): Promise<EmbeddedBackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(dir, manifestFileName), 'utf8');
  } catch {
    throw new Error(`${dir} holds no backup (its ${manifestFileName} is missing or unreadable).`);
  }
  const parsed = embeddedBackupManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${dir} holds no backup this version can read.`);
  return parsed.data;
}
