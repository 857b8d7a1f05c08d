import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { ownerUrl: string; appUrl: string };
  }
}

/** One fresh, migrated database per test run on the real PostgreSQL server, dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide('testDatabase', { ownerUrl: database.ownerUrl, appUrl: database.appUrl });
  return async () => {
    await database.drop();
  };
}
