import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { assignments, events } from '../../db/schema/index.ts';
import { MUNICIPALITY_CODES } from '../../db/reference/municipalities.ts';
import { prepareDatabase } from '../../server/bootstrap.ts';
import { seedDemoDischarges } from '../../server/demo/demo-discharges.ts';
import { loadConfig } from '../../server/config.ts';
import { listOpenCases } from '../../server/discharge/case-queries.ts';
import { byUrgency, caseView } from '../../server/discharge/case-view.ts';
import { localDate } from '../../server/discharge/discharge-clock.ts';
import { liabilityRules } from '../../server/discharge/liability-settings.ts';
import { createLogger } from '../../server/logger.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const NOW = new Date('2026-11-23T12:00:00Z');

/** A fresh embedded demo database prepared as `npm start` does, at 13:00 Stockholm time. */
async function prepare(env: Record<string, string>, inspect?: (db: Db) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'hhc-bootstrap-'));
  dirs.push(dir);
  const lines: { msg: string; [k: string]: unknown }[] = [];
  const logger = createLogger('info', {}, (l) => lines.push(JSON.parse(l)));
  const config = loadConfig({ DATA_DIR: dir, DEMO_SCALE: '0.005', ...env });
  const database = await prepareDatabase(config, logger, NOW);
  try {
    await inspect?.(database.db);
    const [a] = await database.db.select({ n: count() }).from(assignments);
    const [e] = await database.db
      .select({ n: count() })
      .from(events)
      .where(eq(events.type, 'day.planned'));
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

  it('receives a few discharge cases per municipality, one in each state of the list', async () => {
    await prepare({ DEMO_PLAN: 'off' }, async (db) => {
      // As npm start does once Ready, on the demo data just loaded (server/main.ts).
      await seedDemoDischarges(db, { municipalities: MUNICIPALITY_CODES, now: NOW });
      const rows = await listOpenCases(db, '0180', {
        municipalities: null,
        staffId: null,
        teams: [],
      });
      const rule = await liabilityRules(db, ['0180']);
      const items = rows
        .map((r) => caseView(r, rule(r.municipalityCode, r.careType), NOW))
        .sort(byUrgency);
      const days = items.map((c) => c.clock.daysToLiability);
      // Costing money first, then liable tomorrow, then ready today (2 days), then not ready.
      expect(days).toEqual([-1, 1, 2, null]);
      expect(items[0].clock.costSek).toBeGreaterThan(0);
      expect(localDate(new Date(items[2].readyAt!))).toBe(localDate(NOW));
      expect(items[3].status).toBe('admitted');
      // Made by the intake: each case has its messages and, once ready, its first visits.
      const [m] = await db
        .select({ n: count() })
        .from(events)
        .where(eq(events.type, 'discharge.case_updated'));
      expect(Number(m.n)).toBeGreaterThanOrEqual(26 * 4);
      expect(
        rows
          .filter((r) => r.readyAt)
          .every((r) => Array.isArray(r.proposedVisits) && r.proposedVisits.length > 0),
      ).toBe(true);
    });
  }, 60_000);
});
