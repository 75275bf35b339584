/**
 * npm run admin:create -- --username NAME [--municipality CODE ...]
 *
 * Creates an admin on the database named by the environment (DATABASE_URL, else the embedded
 * PGlite). The password comes from ADMIN_PASSWORD or the first line of stdin, never from the
 * command line (it would stay in shell history and the process list).
 * Exit codes: 0 created, 1 failure, 2 bad arguments or password, 3 username taken.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { seedMunicipalities } from '../../db/seed/seed.ts';
import { databaseTargetFromEnv } from '../../db/target.ts';
import { createUser, findUserByName } from './users.ts';

const USAGE = `usage: ADMIN_PASSWORD=… npm run admin:create -- --username NAME [--municipality CODE ...]
  (or pipe the password on stdin; it must be at least 12 characters)`;

export function parseAdminArgs(argv: string[]): { username: string; municipalities: string[] } {
  let username: string | undefined;
  const municipalities: string[] = [];
  // Not strict: the messages below are this command's own.
  const { tokens } = parseArgs({
    args: argv,
    options: { username: { type: 'string' }, municipality: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind === 'option' && t.name === 'username') username = t.value;
    else if (t.kind === 'option' && t.name === 'municipality')
      municipalities.push(...(t.value ?? '').split(','));
    else throw new Error(`unknown argument '${argv[t.index]}'`);
  }
  if (!username || !/^[A-Za-z0-9._@-]{3,64}$/.test(username))
    throw new Error('--username must be 3-64 letters, digits or . _ @ -');
  for (const m of municipalities)
    if (!/^\d{4}$/.test(m)) throw new Error(`--municipality must be a four-digit code, got '${m}'`);
  return { username, municipalities };
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env['ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY)
    process.stderr.write('Password (input is shown; prefer ADMIN_PASSWORD): ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0].replace(/\r$/, '');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseAdminArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`admin:create: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const password = await readPassword();
  if (password.length < 12 || password.length > 256) {
    console.error('admin:create: the password must be 12 to 256 characters');
    return 2;
  }
  const database = await openDatabase(databaseTargetFromEnv());
  try {
    await migrateDatabase(database);
    await seedMunicipalities(database.db);
    if (await findUserByName(database.db, args.username)) {
      console.error(`admin:create: the username '${args.username}' is taken`);
      return 3;
    }
    await createUser(database.db, { ...args, password, role: 'admin' });
    console.log(`admin:create: created admin '${args.username}' on ${database.describe}`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error('admin:create: failed:', e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
