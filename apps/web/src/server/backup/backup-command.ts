import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '@healthcare/core/config/load-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { createEmbeddedBackup } from './create-embedded-backup';

// `npm run backup [-- --output DIR]`: the embedded database and uploaded files, into a new folder.
const { values } = parseArgs({ options: { output: { type: 'string' } } });
const config = loadConfigOrExit();
const logger = createLogger({ level: config.log.level, name: 'backup' });
try {
  const { dir, manifest } = await createEmbeddedBackup(
    config,
    logger,
    values.output ?? path.join(config.dataDir, 'backups'),
  );
  const rows = manifest.tables.reduce((sum, entry) => sum + entry.rows, 0);
  process.stdout.write(
    `Backup written to ${dir}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.objects?.length ?? 0} files.\nRestore it with: npm run restore -- ${dir}\n`,
  );
} catch (error) {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
