/**
 * Where the k6 runner's server keeps its data: a seeded embedded database copied per run,
 * or a throwaway PostgreSQL cluster with the seeded database as a template per run.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../db/client.ts';
import { seedDemoUsers } from '../../server/demo/demo-users.ts';
import { startCluster } from '../../test/support/postgres-cluster.ts';

export type StoreKind = 'pglite' | 'postgres';

export interface SeededStore {
  kind: StoreKind;
  /** How long seeding took. */
  seedMs: number;
  /** A fresh copy of the seeded data: the environment a server process runs with. */
  copy(): Promise<{ env: NodeJS.ProcessEnv; remove(): Promise<void> }>;
  close(): Promise<void>;
}

async function runSeed(root: string, seedArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/demo/seed-cli.ts', '--history-days', '0', ...seedArgs],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`seeding failed (${code})`);
}

export async function seedStore(
  kind: StoreKind,
  root: string,
  seedArgs: string[],
): Promise<SeededStore> {
  const started = performance.now();
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'hhc-k6-seed-'));
    await runSeed(root, seedArgs, { DATA_DIR: dir, DATABASE_URL: '' });
    const seedMs = performance.now() - started;
    return {
      kind,
      seedMs,
      async copy() {
        const dataDir = mkdtempSync(join(tmpdir(), 'hhc-k6-run-'));
        cpSync(dir, dataDir, { recursive: true });
        return {
          env: { DATA_DIR: dataDir, DATABASE_URL: undefined, AUTH_SECRET: undefined },
          remove: async () => rmSync(dataDir, { recursive: true, force: true }),
        };
      },
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const cluster = await startCluster();
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  const urlOf = (name: string) => {
    const u = new URL(cluster.url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  try {
    await admin.unsafe('create database k6_seed');
    await runSeed(root, seedArgs, { DATABASE_URL: urlOf('k6_seed') });
    // A server on PostgreSQL never makes demo users; the load scripts log in as them.
    const db = await openDatabase({ kind: 'postgres', url: urlOf('k6_seed'), maxConnections: 1 });
    await seedDemoUsers(db.db);
    await db.close();
  } catch (err) {
    await admin.end();
    await cluster.stop();
    throw err;
  }
  const seedMs = performance.now() - started;
  let n = 0;
  return {
    kind,
    seedMs,
    async copy() {
      const name = `k6_run_${++n}`;
      await admin.unsafe(`create database ${name} template k6_seed`);
      const dataDir = mkdtempSync(join(tmpdir(), 'hhc-k6-run-'));
      return {
        env: {
          DATABASE_URL: urlOf(name),
          AUTH_SECRET: randomBytes(32).toString('hex'),
          DATA_DIR: dataDir,
        },
        remove: async () => {
          await admin.unsafe(`drop database if exists ${name} with (force)`);
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
    async close() {
      await admin.end();
      await cluster.stop();
    },
  };
}
