/**
 * Vitest globalSetup: provides `pgUrl` (read in tests with `inject('pgUrl')`).
 *
 * - `TEST_PG=off`            → null (database tests run on PGlite only)
 * - `DATABASE_URL_TEST=url`  → that url (no cluster is started)
 * - server binaries found    → a throwaway cluster for the whole run, stopped at teardown
 * - otherwise                → null, with a one-line notice
 */
import type { TestProject } from 'vitest/node';
import { ensureTemplate } from '../../db/pglite-template.ts';
import { findPostgresBin, startCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const noop = async (): Promise<void> => {};
  // Every PGlite test database is then a copy of it (db/pglite-template.ts), not an initdb.
  await ensureTemplate();

  if (process.env['TEST_PG'] === 'off') {
    project.provide('pgUrl', null);
    console.log('TEST_PG=off: database tests run on PGlite only');
    return noop;
  }

  const externalUrl = process.env['DATABASE_URL_TEST'];
  if (externalUrl !== undefined && externalUrl !== '') {
    project.provide('pgUrl', externalUrl);
    return noop;
  }

  if (findPostgresBin() === undefined) {
    project.provide('pgUrl', null);
    console.log('PostgreSQL server binaries not found: database tests run on PGlite only');
    return noop;
  }

  const started = Date.now();
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster();
  } catch (err) {
    throw new Error(
      'Could not start a throwaway PostgreSQL cluster for the tests ' +
        '(set TEST_PG=off to run database tests on PGlite only, or DATABASE_URL_TEST=url ' +
        `to use an existing server): ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  console.log(`PostgreSQL test cluster on port ${cluster.port} (${Date.now() - started} ms)`);
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
