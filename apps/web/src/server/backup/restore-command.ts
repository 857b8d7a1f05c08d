import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '@healthcare/core/config/load-config';
import { createLogger } from '@healthcare/core/logging/create-logger';
import { restoreEmbeddedBackup } from './restore-embedded-backup';

// `npm run restore -- BACKUP_DIR`: with the app stopped, replaces the embedded data with a backup.
const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  process.stderr.write('Usage: npm run restore -- BACKUP_DIR   (a folder written by npm run backup)\n');
  process.exit(2);
}
const config = loadConfigOrExit();
const logger = createLogger({ level: config.log.level, name: 'restore' });
try {
  const summary = await restoreEmbeddedBackup(config, logger, positionals[0]!);
  process.stdout.write(
    `Restored ${summary.tables} tables (${summary.rows} rows) and ${summary.objects} files.\n${summary.resumedEncounters} encounters in progress will carry on when the app starts${summary.failedEncounters ? `; ${summary.failedEncounters} could not be resumed and are marked failed (retry them from the app)` : ''}.${summary.previousObjectsDir ? `\nThe replaced files are in ${summary.previousObjectsDir}; remove them once you are satisfied.` : ''}\n`,
  );
} catch (error) {
  process.stderr.write(`Restore failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
