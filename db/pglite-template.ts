import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from './migrations-folder.ts';

/*
 * A fresh embedded database is a copy of a migrated, empty PGlite cluster kept as a tar file,
 * instead of an initdb in WebAssembly: the first open of a process went from 11–15 s to 2–3 s
 * at load 10 (5–6 s to 2–5 s for later ones). The file is named for the PGlite version and the
 * migrations' content, so an upgrade or a new migration makes a new one and never reuses a
 * stale cluster. Made by `npm install` (postinstall) and the test setup; without it a fresh
 * database is made the slow way, with the same result.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'hemsjukvard');

function pgliteVersion(): string {
  const file = join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')),
    'meta/_journal.json',
  ].sort();
  for (const f of files) hash.update(f).update(readFileSync(join(MIGRATIONS_FOLDER, f)));
  return hash.digest('hex').slice(0, 16);
}

export function templatePath(): string {
  return join(CACHE, `pglite-${pgliteVersion()}-${migrationsHash()}.tar`);
}

/** The template's bytes, or null when it has not been made (or cannot be read). */
export function readTemplate(): Uint8Array<ArrayBuffer> | null {
  try {
    const path = templatePath();
    // readFileSync's Buffer owns a plain ArrayBuffer (never shared); the cast spares a 40 MB copy.
    return existsSync(path) ? (readFileSync(path) as Uint8Array<ArrayBuffer>) : null;
  } catch {
    return null;
  }
}

/** Makes the template unless it exists; written under a temporary name, then renamed. */
export async function ensureTemplate(): Promise<string> {
  const path = templatePath();
  if (existsSync(path)) return path;
  const client = new PGlite();
  try {
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    const tar = await client.dumpDataDir('none');
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await tar.arrayBuffer()));
    renameSync(partial, path);
    return path;
  } finally {
    await client.close();
  }
}
