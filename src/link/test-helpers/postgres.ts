/**
 * The PostgreSQL server of the tests (test/setup/postgres.ts), and a new database on it per test
 * file, so that files running at once never see each other's schema or collections.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The test server's URL, or null when there is none (the PostgreSQL tests are then skipped). */
export const postgresUrl: string | null = inject('postgresUrl');

/** The URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new, empty database on the test server; `drop` removes it (closing what is still connected). */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresUrl) throw new Error('no PostgreSQL server for the tests');
  const name = `answer_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(postgresUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
