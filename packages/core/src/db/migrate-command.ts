import { loadConfigOrExit } from '../config/load-config';
import { createLogger } from '../logging/create-logger';
import { migrateDatabase } from './migrate-database';

// `npm run db:migrate`: the cluster's migration step (a release job or init container), run as the owner.
const config = loadConfigOrExit();
const logger = createLogger({ level: config.log.level, name: 'migrate' });

if (config.database.mode !== 'external' || !config.database.migrationUrl) {
  logger.error(
    'Set DATABASE_MIGRATION_URL (the owner login) and DATABASE_URL. The embedded database migrates itself on start.',
  );
  process.exit(1);
}
await migrateDatabase(config.database.migrationUrl, {
  ...(config.database.appRolePassword ? { appRolePassword: config.database.appRolePassword } : {}),
});
logger.info('Database migrated');
