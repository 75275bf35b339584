import { join } from 'node:path';
import type { DatabaseTarget } from './client.ts';

/**
 * Where the database lives, from the environment: `DATABASE_URL` → PostgreSQL; otherwise
 * the embedded PGlite in `${DATA_DIR ?? './data'}/pglite`.
 */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env['DATABASE_URL'];
  if (url !== undefined && url.trim() !== '') return { kind: 'postgres', url: url.trim() };
  const dataDir =
    env['DATA_DIR'] !== undefined && env['DATA_DIR'] !== '' ? env['DATA_DIR'] : './data';
  return { kind: 'pglite', dataDir: join(dataDir, 'pglite') };
}
