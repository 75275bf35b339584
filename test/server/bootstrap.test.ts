import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { assignments, events } from '../../db/schema/index.ts';
import { prepareDatabase } from '../../server/bootstrap.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh embedded demo database prepared as `npm start` does, at 13:00 Stockholm time. */
async function prepare(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'hhc-bootstrap-'));
  dirs.push(dir);
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const logger = createLogger('info', {}, (l) => lines.push(JSON.parse(l)));
  const config = loadConfig({ DATA_DIR: dir, DEMO_SCALE: '0.005', ...env });
  const database = await prepareDatabase(config, logger, new Date('2026-11-23T12:00:00Z'));
  try {
    const [a] = await database.db.select({ n: count() }).from(assignments);
    const [e] = await database.db.select({ n: count() }).from(events);
    return { lines, assignments: Number(a.n), events: Number(e.n) };
  } finally {
    await database.close();
  }
}

describe('demo start-up', () => {
  it('plans today on a new demo database (DEMO_PLAN on by default)', async () => {
    const r = await prepare({});
    const planned = r.lines.find((l) => l.msg === 'demo day planned');
    expect(planned).toMatchObject({ visits: expect.any(Number), assigned: expect.any(Number) });
    expect(planned!['assigned']).toBeGreaterThan(0);
    expect(planned!['done']).toBeGreaterThan(0);
    expect(r.assignments).toBeGreaterThan(0);
    expect(r.events).toBe(26); // one 'day.planned' per municipality
  }, 60_000);

  it('leaves the visits unassigned with DEMO_PLAN=off', async () => {
    const r = await prepare({ DEMO_PLAN: 'off' });
    expect(r.lines.some((l) => l.msg === 'demo day planned')).toBe(false);
    expect(r.assignments).toBe(0);
    expect(r.events).toBe(0);
  }, 60_000);
});
