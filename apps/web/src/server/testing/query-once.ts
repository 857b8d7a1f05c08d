import pg from 'pg';

/** One query on a connection of its own, for tests that inspect a database from outside the app. */
export async function queryOnce(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}
