import PgBoss from 'pg-boss';
import pg from 'pg';
import { jobQueues, jobSchema } from './job-queues';

const scheduleQueueName = '__pgboss__send-it';

/**
 * Creates or upgrades the job tables and queues, as the database owner (part of migrating), and
 * lets the application role use them. Jobs are rows in PostgreSQL: enqueued in the same
 * transaction as the change that needs them, they cannot be lost.
 */
export async function installJobQueue(ownerUrl: string, appRole: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: jobSchema,
    supervise: false,
    schedule: false,
    migrate: true,
    max: 2,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    // pg-boss's own queue for scheduled jobs: its workers cannot create it as the app role.
    if (!(await boss.getQueue(scheduleQueueName))) await boss.createQueue(scheduleQueueName);
    for (const queue of Object.values(jobQueues)) {
      const existing = await boss.getQueue(queue.name);
      if (existing) await boss.updateQueue(queue.name, queue);
      else await boss.createQueue(queue.name, queue);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Queue tables are partitions created per queue, so the grants are renewed after each install.
    await client.query(`
      GRANT USAGE ON SCHEMA ${jobSchema} TO ${appRole};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${jobSchema} TO ${appRole};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${jobSchema} TO ${appRole};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${jobSchema} TO ${appRole};
    `);
  } finally {
    await client.end();
  }
}
