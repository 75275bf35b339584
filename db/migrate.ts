import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';

export { MIGRATIONS_FOLDER };

/** Any constant: serialises migrations when several server processes start on one PostgreSQL. */
const MIGRATION_LOCK_KEY = 727_001;

export async function migrateDatabase(database: Database): Promise<void> {
  const { raw } = database;
  if (raw.kind === 'pglite') {
    await migratePglite(drizzlePglite({ client: raw.client }), {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
    return;
  }
  // A single-connection client holds the advisory lock for the whole migration.
  const conn = postgres(raw.url, { max: 1, onnotice: () => {} });
  try {
    await conn`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client: conn }), {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
  } finally {
    await conn.end();
  }
}

/** The committed migrations, by the journal drizzle-kit writes. */
export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** True when every committed migration has been applied to this database. */
export async function migrationsApplied(database: Database): Promise<boolean> {
  try {
    const rows = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const list = Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows;
    return Number(list[0]?.n ?? 0) >= expectedMigrationCount();
  } catch {
    return false;
  }
}
