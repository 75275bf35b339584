import type { Query, SQL } from 'drizzle-orm';
import { PgDialect, type PgSession } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/** The database or a transaction: what a reusable query runs on. */
interface SessionOwner {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
  readonly _: { readonly session: PgSession<any, any, any> };
}

/** What Drizzle's prepared queries keep besides the SQL (both drivers name them so). */
interface PreparedParts {
  getQuery(): Query;
  fields?: unknown;
  joinsNotNullableMap?: Record<string, boolean>;
}

interface Template {
  query: Query;
  fields: unknown;
  joinsNotNullableMap?: Record<string, boolean>;
}

/**
 * A query built once and run on the database or inside a transaction. Drizzle builds a
 * query's SQL anew every time it is awaited (100–200 µs for a select of a wide row: under
 * k6 a tenth of the request thread went to it), and sends it unnamed, so PostgreSQL parses
 * and plans it every time too. `.prepare()` keeps both, but binds the query to the session
 * it was made on, and each transaction has its own. This builds the query once, its values
 * as `sql.placeholder`s (timestamps as ISO strings: a placeholder skips the column's
 * mapping), and makes the same prepared query on whichever session runs it. The SQL is the
 * same on every database (one schema, one dialect), so the first one it meets builds it.
 */
export function reusableQuery<R>(
  name: string,
  build: (db: Db) => { prepare(name: string): unknown },
): (on: SessionOwner, values: Record<string, unknown>) => Promise<R> {
  let template: Template | undefined;
  return (on, values) => {
    if (!template) {
      const made = build(on as unknown as Db).prepare(name) as PreparedParts;
      template = {
        query: made.getQuery(),
        fields: made.fields,
        joinsNotNullableMap: made.joinsNotNullableMap,
      };
    }
    const q = on._.session.prepareQuery(
      template.query,
      template.fields as Parameters<PgSession['prepareQuery']>[1],
      name,
      true,
    ) as unknown as PreparedParts & { execute(v: Record<string, unknown>): Promise<R> };
    if (template.joinsNotNullableMap) q.joinsNotNullableMap = template.joinsNotNullableMap;
    return q.execute(values);
  };
}

/** Renders raw statements; their SQL names tables and columns as written, not by casing. */
const dialect = new PgDialect();

/**
 * A raw statement (`sql` with `sql.placeholder`s) built once and run prepared, like
 * `reusableQuery`, on the database or in a transaction. Rows come as the driver gives them
 * (see `rowsOf`).
 */
export function reusableSql(
  name: string,
  statement: SQL,
): (on: SessionOwner, values: Record<string, unknown>) => Promise<unknown> {
  const query = dialect.sqlToQuery(statement);
  return (on, values) => on._.session.prepareQuery(query, undefined, name, false).execute(values);
}
