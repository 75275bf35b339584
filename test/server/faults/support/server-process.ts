/**
 * The real server process for the fault tests: `server/main.ts` as `npm start` runs it, on a
 * free port, started, killed (SIGKILL) and restarted by the test; plus small HTTP helpers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  lines: string[];
}

/**
 * Starts the server with `env` (PORT=0) and resolves once it has printed its URL and is ready.
 * The wait is long because on a loaded 2-core machine opening PGlite alone once took 32 s.
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const inherited = { ...process.env };
  delete inherited['AUTH_SECRET'];
  delete inherited['AUTH_PREVIOUS_SECRETS'];
  delete inherited['DATABASE_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL in 150 s:\n${lines.join('\n')}`));
    }, 150_000);
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        try {
          const record = JSON.parse(line) as { msg: string; url?: string };
          if (record.msg === 'server listening' && record.url) {
            clearTimeout(timer);
            resolve(record.url.replace('localhost', '127.0.0.1'));
          }
        } catch {
          // not a log line
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code ?? signal}:\n${lines.join('\n')}`));
    });
  });
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${url}/ready`).catch(() => undefined);
    if (res?.status === 200) break;
    if (i === 199) throw new Error('never ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, wsUrl: `${url.replace(/^http/, 'ws')}/ws`, lines };
}

/** SIGTERM and the exit code (0 for a clean stop). */
export async function stopServer(s: ServerProcess): Promise<number | null> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return s.child.exitCode;
  const exited = once(s.child, 'exit');
  s.child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

/** SIGKILL: no shutdown code runs, like a crashed machine (minus the OS page cache). */
export async function killServer(s: ServerProcess): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = once(s.child, 'exit');
  s.child.kill('SIGKILL');
  await exited;
}

/** `npm run admin:create`, the password on stdin. */
export async function createAdmin(
  env: Record<string, string>,
  username: string,
  password: string,
): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/auth/create-admin.ts', '--username', username],
    { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  child.stdin!.end(`${password}\n`);
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`admin:create exited with ${code}: ${out}`);
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`log-in as ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export interface Api {
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body: unknown): Promise<{ status: number; body: any }>;
}

export function api(url: string, token: string): Api {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
}
