import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgDatabase } from '../support/databases.ts';
import { inject } from 'vitest';
import { wsClient } from './live/support/ws-client.ts';

interface Started {
  child: ChildProcess;
  url: string;
  lines: string[];
}

/** Starts `server/main.ts` as `npm start` would, on a free port, and waits for its URL. */
async function startServer(env: Record<string, string>): Promise<Started> {
  // Like a real deployment: no secret inherited from the test runner's environment.
  const inherited = { ...process.env };
  delete inherited['AUTH_SECRET'];
  delete inherited['AUTH_PREVIOUS_SECRETS'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL in 60 s:\n${lines.join('\n')}`)),
      60_000,
    );
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        const record = JSON.parse(line) as { msg: string; url?: string };
        if (record.msg === 'server listening' && record.url) {
          clearTimeout(timer);
          resolve(record.url);
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code}:\n${lines.join('\n')}`)),
    );
  });
  return { child, url, lines };
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${url}/ready`).catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('never ready');
}

async function login(url: string, username: string, password: string): Promise<Response> {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

async function getAs(url: string, path: string, token: string): Promise<any> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return res.json();
}

/** `npm run admin:create` as an operator would run it, the password on stdin. */
async function createAdmin(env: Record<string, string>, username: string, password: string) {
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
  return { code, out };
}

async function stopServer(s: Started): Promise<number | null> {
  s.child.kill('SIGTERM');
  const [code] = (await once(s.child, 'exit')) as [number | null];
  return code;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the server process', () => {
  it('starts on the embedded database with demo data, serves the 26 municipalities and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hhc-data-'));
    dirs.push(dataDir);
    const server = await startServer({ DATA_DIR: dataDir, DEMO_SCALE: '0.005' });
    await waitReady(server.url);
    const res = await fetch(`${server.url}/api/municipalities?limit=100`);
    const body = (await res.json()) as { items: { code: string }[]; page: { total: number } };
    expect(body.page.total).toBe(26);
    expect(body.items.map((m) => m.code)).toContain('0180');
    // Patient and staff data need a log-in; the demo users are printed at start.
    expect((await fetch(`${server.url}/api/staff?limit=1`)).status).toBe(401);
    const printed = server.lines.join('\n');
    expect(printed).toContain('dispatcher-0180');
    expect(printed).toContain('demo-dispatcher-0180');
    expect(printed).toContain('generated an auth secret');
    const session = (await (
      await login(server.url, 'dispatcher-0180', 'demo-dispatcher-0180')
    ).json()) as { token: string };
    const staff = await getAs(server.url, '/api/staff?limit=1', session.token);
    expect(staff.page.total).toBeGreaterThan(0);
    // Live updates: the WebSocket at /ws greets a logged-in user and sends a snapshot.
    const live = await wsClient(`${server.url.replace(/^http/, 'ws')}/ws`);
    live.send({ type: 'hello', version: 1, token: session.token });
    expect((await live.next()).type).toBe('welcome');
    live.send({ type: 'subscribe', municipalities: [{ code: '0180' }] });
    expect(await live.next(15_000)).toMatchObject({ type: 'snapshot', municipality: '0180' });
    expect(await stopServer(server)).toBe(0);
    expect((await live.closedWith()).code).toBe(1001);
    expect(server.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);

    // A restart on the same files keeps the data and does not seed twice.
    const again = await startServer({ DATA_DIR: dataDir, DEMO_SCALE: '0.005' });
    await waitReady(again.url);
    // The secret in DATA_DIR survives the restart, and with it the session.
    const staffAgain = await getAs(again.url, '/api/staff?limit=1', session.token);
    expect(staffAgain.page.total).toBe(staff.page.total);
    expect(again.lines.some((l) => l.includes('demo data loaded'))).toBe(false);
    expect(await stopServer(again)).toBe(0);
  }, 120_000);

  it.skipIf(!inject('pgUrl'))(
    'runs on a real PostgreSQL with DATABASE_URL, without demo data',
    async () => {
      const pg = await createPgDatabase();
      try {
        const env = { DATABASE_URL: pg.url, AUTH_SECRET: 'a-test-secret-that-is-long-enough-0123' };
        const server = await startServer(env);
        await waitReady(server.url);
        const body = (await (await fetch(`${server.url}/api/municipalities`)).json()) as {
          page: { total: number };
        };
        expect(body.page.total).toBe(26);
        // No demo users on PostgreSQL: nobody can log in until the first admin is created.
        expect(server.lines.join('\n')).not.toContain('Demo log-ins');
        expect((await login(server.url, 'admin', 'demo-admin-all')).status).toBe(401);
        const created = await createAdmin(env, 'first-admin', 'correct horse battery');
        expect(created.code, created.out).toBe(0);
        expect(created.out).not.toContain('correct horse battery');
        expect((await createAdmin(env, 'first-admin', 'another long password')).code).toBe(3);
        const res = await login(server.url, 'first-admin', 'correct horse battery');
        expect(res.status).toBe(200);
        const { token } = (await res.json()) as { token: string };
        const staff = await getAs(server.url, '/api/staff', token);
        expect(staff.page.total).toBe(0);
        expect(await stopServer(server)).toBe(0);
      } finally {
        await pg.drop();
      }
    },
    120_000,
  );

  it('refuses to start with a clear message for bad configuration', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'abc', LOG_LEVEL: 'chatty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr).toContain('PORT="abc"');
    expect(stderr).toContain('LOG_LEVEL="chatty"');
  }, 60_000);

  it('refuses DATABASE_URL without AUTH_SECRET, and never echoes a secret', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        AUTH_SECRET: '',
        AUTH_PREVIOUS_SECRETS: 'too-short-but-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr).toContain('AUTH_PREVIOUS_SECRETS=(hidden)');
    expect(stderr).not.toContain('too-short-but-secret');
  }, 60_000);
});
