import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { appRoleUrl, migrateDatabase } from '../db/migrate-database';

export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

/** The server the suite runs against; each run gets a database of its own on it. */
export function testServerUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export async function createTestDatabase(
  options: { prefix?: string; migrate?: boolean } = {},
): Promise<TestDatabase> {
  const prefix = options.prefix ?? 'healthcare_test';
  const serverUrl = testServerUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `create database ${name}`);
  const ownerUrl = new URL(serverUrl);
  ownerUrl.pathname = `/${name}`;
  if (options.migrate !== false) await migrateDatabase(ownerUrl.toString());
  return {
    ownerUrl: ownerUrl.toString(),
    appUrl: appRoleUrl(ownerUrl.toString()),
    drop: () => runOnServer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function runOnServer(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
