import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { readTemplate } from './pglite-template.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The common Drizzle surface of both drivers; services are written against this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type RawClient =
  { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; client: postgres.Sql; url: string };

export interface Database {
  db: Db;
  raw: RawClient;
  /** Where it runs, for logs: never includes a password. */
  describe: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  /** template: false makes a fresh database by initdb even when the template exists. */
  | { kind: 'pglite'; dataDir: string | null; template?: boolean }
  | { kind: 'postgres'; url: string; maxConnections?: number };

/**
 * Connections per process to PostgreSQL (DATABASE_POOL_SIZE). Fewer let postgres.js pipeline
 * the queries of concurrent requests on one connection; k6 runs at 300/s with 1 to 10 did not
 * separate the sizes beyond run-to-run noise, so the default stays at postgres.js's own.
 */
export const DEFAULT_POOL_SIZE = 10;

/** Opens the embedded PGlite (file-backed, or in memory when dataDir is null) or a real PostgreSQL. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    const fresh = !target.dataDir || !existsSync(join(target.dataDir, 'PG_VERSION'));
    const template = fresh && target.template !== false ? readTemplate() : null;
    const options = template ? { loadDataDir: new Blob([template]) } : {};
    const client = target.dataDir ? new PGlite(target.dataDir, options) : new PGlite(options);
    await client.waitReady;
    const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
    return {
      db,
      raw: { kind: 'pglite', client },
      describe: target.dataDir ? `PGlite at ${target.dataDir}` : 'PGlite in memory',
      close: () => client.close(),
    };
  }
  const client = postgres(target.url, {
    max: target.maxConnections ?? DEFAULT_POOL_SIZE,
    onnotice: () => {},
    // Keep timestamps as strings off the wire where Drizzle expects them; Drizzle maps them.
  });
  const db = drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    raw: { kind: 'postgres', client, url: target.url },
    describe: `PostgreSQL at ${redactUrl(target.url)}`,
    close: () => client.end({ timeout: 5 }),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/**
 * The rows of a raw `db.execute(sql…)`: postgres.js answers an array, PGlite `{ rows }`.
 * Values come as the driver gives them (timestamps may be strings or Dates).
 */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/**
 * `build(db)` made once per database and kept for its life: prepared statements, caches of
 * reference data, batchers. Several databases (tests, tools) each get their own.
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) made.set(db, (value = build(db)));
    return value;
  };
}
