import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { count, eq, lt } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client.ts';
import { assignments, events, visitActuals, visits } from '../../../db/schema/index.ts';

const run = promisify(execFile);
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run seed -- --plan', () => {
  it('seeds, then plans today’s service day of each municipality seeded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhc-seed-plan-'));
    dirs.push(dir);
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    const argv = ['--import', 'tsx', 'server/demo/seed-cli.ts', '--scale', '0.05'];
    argv.push('--municipality', '0191', '--today', '2026-11-23', '--plan', '--plan-ms', '100');
    argv.push('--history-days', '0');
    const { stdout } = await run(process.execPath, argv, { env });
    expect(stdout).toMatch(/seed: planned \d+ of \d+ visits of today's service day/);
    expect(stdout).not.toMatch(/history/);
    expect(stdout).toMatch(/seed: 4 discharge cases \(8 region messages\)/);

    const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    try {
      const { db } = database;
      const [planned] = await db.select({ n: count() }).from(assignments);
      expect(Number(planned.n)).toBeGreaterThan(0);
      const log = await db.select().from(events).where(eq(events.municipalityCode, '0191'));
      // The plan's one event; the demo discharge cases' intake events before it.
      expect(log.filter((e) => e.type !== 'discharge.case_updated').map((e) => e.type)).toEqual([
        'day.planned',
      ]);
      // Only the municipality seeded has visits, and only they were planned.
      const codes = await db.selectDistinct({ code: visits.municipalityCode }).from(visits);
      expect(codes).toEqual([{ code: '0191' }]);
    } finally {
      await database.close();
    }
  }, 60_000);
});

describe('npm run seed -- --history-days', () => {
  it('generates the past days after the seed: visits finished, actuals, status events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hhc-seed-history-'));
    dirs.push(dir);
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
    const argv = ['--import', 'tsx', 'server/demo/seed-cli.ts', '--municipality', '0191'];
    argv.push('--today', '2026-11-23', '--history-days', '2');
    const { stdout } = await run(process.execPath, argv, { env });
    expect(stdout).toMatch(/seed: history of 2 days: \d+ visits .* \d+ status events/);

    const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    try {
      const { db } = database;
      const past = await db
        .select({ status: visits.status })
        .from(visits)
        .where(lt(visits.windowStart, new Date('2026-11-22T23:00:00Z')));
      expect(past.length).toBeGreaterThan(0);
      expect(past.every((v) => ['done', 'no_access', 'cancelled'].includes(v.status))).toBe(true);
      const [actuals] = await db.select({ n: count() }).from(visitActuals);
      expect(Number(actuals.n)).toBe(past.length);
      const [changes] = await db
        .select({ n: count() })
        .from(events)
        .where(eq(events.type, 'visit.status_changed'));
      expect(Number(changes.n)).toBeGreaterThan(past.length);
    } finally {
      await database.close();
    }
  }, 120_000);
});
