import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgDatabase } from '../support/databases.ts';
import { inject } from 'vitest';

interface Started {
  child: ChildProcess;
  url: string;
  lines: string[];
}

/** Starts `server/main.ts` as `npm start` would, on a free port, and waits for its URL. */
async function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
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
    const staff = (await (await fetch(`${server.url}/api/staff?limit=1`)).json()) as {
      page: { total: number };
    };
    expect(staff.page.total).toBeGreaterThan(0);
    expect(await stopServer(server)).toBe(0);
    expect(server.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);

    // A restart on the same files keeps the data and does not seed twice.
    const again = await startServer({ DATA_DIR: dataDir, DEMO_SCALE: '0.005' });
    await waitReady(again.url);
    const staffAgain = (await (await fetch(`${again.url}/api/staff?limit=1`)).json()) as {
      page: { total: number };
    };
    expect(staffAgain.page.total).toBe(staff.page.total);
    expect(again.lines.some((l) => l.includes('demo data loaded'))).toBe(false);
    expect(await stopServer(again)).toBe(0);
  }, 120_000);

  it.skipIf(!inject('pgUrl'))(
    'runs on a real PostgreSQL with DATABASE_URL, without demo data',
    async () => {
      const pg = await createPgDatabase();
      try {
        const server = await startServer({ DATABASE_URL: pg.url });
        await waitReady(server.url);
        const body = (await (await fetch(`${server.url}/api/municipalities`)).json()) as {
          page: { total: number };
        };
        expect(body.page.total).toBe(26);
        const staff = (await (await fetch(`${server.url}/api/staff`)).json()) as {
          page: { total: number };
        };
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
});
