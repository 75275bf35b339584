import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The log lines of `server/main.ts` on a fresh embedded database, until `until` matches. */
function runServer(env: Record<string, string>, until: (msg: string) => boolean) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const msgs: { msg: string; url?: string }[] = [];
  const done = new Promise<typeof msgs>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out: ${JSON.stringify(msgs)}`)),
      170_000,
    );
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const record = JSON.parse(buffer.slice(0, nl)) as { msg: string; url?: string };
        buffer = buffer.slice(nl + 1);
        msgs.push(record);
        if (until(record.msg)) {
          clearTimeout(timer);
          resolve([...msgs]);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${JSON.stringify(msgs)}`)));
  });
  return { child, msgs, done };
}

describe('the demo history at start-up', () => {
  it('is generated in the background: the server listens and answers before it is done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhc-history-start-'));
    dirs.push(dir);
    let answered: number | null = null;
    const server = runServer(
      { DATA_DIR: dir, DEMO_SCALE: '0.005', DEMO_HISTORY_DAYS: '2' },
      (msg) => msg === 'demo history generated' || msg === 'demo history failed',
    );
    // As soon as it listens, it answers, while the history is being written.
    const listening = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const url = server.msgs.find((m) => m.msg === 'server listening')?.url;
        if (!url) return;
        clearInterval(poll);
        void fetch(`${url}/ready`).then((res) => {
          expect(res.status).toBe(200);
          answered = server.msgs.length;
          resolve();
        });
      }, 20);
    });
    try {
      const msgs = await server.done;
      await listening;
      const order = msgs.map((m) => m.msg);
      const listen = order.indexOf('server listening');
      expect(listen).toBeGreaterThanOrEqual(0);
      expect(order.indexOf('demo history: generating in the background')).toBeGreaterThan(listen);
      expect(order.at(-1)).toBe('demo history generated');
      // /ready answered before the history's end was logged.
      expect(answered).not.toBeNull();
      expect(answered!).toBeLessThan(msgs.length);
    } finally {
      server.child.kill('SIGTERM');
    }
  }, 180_000);
});
