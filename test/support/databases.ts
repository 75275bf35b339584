import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';

export type DbKind = 'pglite' | 'postgres';

/** The databases every database test runs on: PGlite always, PostgreSQL when the setup has one. */
export function dbKinds(): DbKind[] {
  return inject('pgUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export function pgAdminUrl(): string {
  const url = inject('pgUrl');
  if (!url) throw new Error('no PostgreSQL in this test run');
  return url;
}

/** A database URL for a brand-new, empty PostgreSQL database, dropped by `drop()`. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = pgAdminUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const s = postgres(admin, { max: 1, onnotice: () => {} });
      await s.unsafe(`drop database if exists ${name} with (force)`);
      await s.end();
    },
  };
}

const closers = new WeakMap<Database, (() => Promise<void>)[]>();

/** What closing this test database closes first (the servers built on it). */
export function closeWithDatabase(database: Database, close: () => Promise<void>): void {
  closers.set(database, [...(closers.get(database) ?? []), close]);
}

async function closeDependents(database: Database): Promise<void> {
  const list = closers.get(database) ?? [];
  closers.delete(database);
  for (const close of list.reverse()) await close();
}

/**
 * A fresh, migrated database of the given kind; `close()` closes the servers built on it
 * (closeWithDatabase), then it, and removes it.
 */
export async function freshDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateDatabase(database);
    const fresh: Database = {
      ...database,
      close: async () => {
        await closeDependents(fresh);
        await database.close();
      },
    };
    return fresh;
  }
  const pg = await createPgDatabase();
  const database = await openDatabase({ kind: 'postgres', url: pg.url, maxConnections: 5 });
  await migrateDatabase(database);
  const fresh: Database = {
    ...database,
    close: async () => {
      await closeDependents(fresh);
      await database.close();
      await pg.drop();
    },
  };
  return fresh;
}
