import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` to write SQL migrations from the schema; nothing connects.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/core/src/db/schema/index.ts',
  out: './packages/core/src/db/migrations',
});
