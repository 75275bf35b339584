/**
 * The server as a user starts it (`npm start`: the web build, then server/main.ts in its own
 * process on PGlite at PORT=0), on a copy of a database seeded with one municipality at full
 * demo scale and today planned (bench/load/seeded-store.ts, as the k6 runner does). On a
 * non-empty embedded database the server makes the demo log-ins itself (server/bootstrap.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { buildWeb } from '../../server/web/build-web.ts';
import { type SeededStore, seedStore } from '../load/seeded-store.ts';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: string[];
  stop(): Promise<number | null>;
}

export interface SeedChoice {
  scale: string;
  municipality: string;
  planMs: number;
}

export const seedArgs = (s: SeedChoice): string[] => [
  '--scale',
  s.scale,
  '--municipality',
  s.municipality,
  '--plan',
  '--plan-ms',
  String(s.planMs),
];

export function seed(root: string, s: SeedChoice): Promise<SeededStore> {
  return seedStore('pglite', root, seedArgs(s));
}

/** Builds web/ when stale (as `npm start` does), then starts server/main.ts on a free port. */
export async function startServer(root: string, store: NodeJS.ProcessEnv): Promise<RunningServer> {
  await buildWeb();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env['SERVER_LOG_LEVEL'] ?? 'warn',
  };
  for (const [k, v] of Object.entries(store)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = new Promise<string>((resolve, reject) => {
    const seen = (c: Buffer) => {
      output.push(c.toString());
      const m = /Ready: (http:\/\/\S+)/.exec(output.join(''));
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output.join('')}`)));
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 180_000);
  try {
    const base = await url;
    return {
      url: base,
      child,
      output,
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? 1;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        return code;
      },
    };
  } finally {
    clearTimeout(timeout);
  }
}
