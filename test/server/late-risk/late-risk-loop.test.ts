import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { assignments, events, visits } from '../../../db/schema/index.ts';
import { type LateRiskAlert, LateRiskDedupe } from '../../../server/late-risk/late-risk.ts';
import { checkLateRisks, municipalitiesOnShift } from '../../../server/late-risk/late-risk-loop.ts';
import { createLogger } from '../../../server/logger.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld, recordingBus } from '../support/world.ts';

const LATE = '50000000-0000-4000-8000-000000000001';

describe('LateRiskDedupe', () => {
  const alert = (visitId: string, version = 1) => ({ visitId, version }) as LateRiskAlert;
  it('alerts a visit version once, again when the version changes, and stays bounded', () => {
    const dedupe = new LateRiskDedupe(2);
    expect(dedupe.fresh(alert('a'))).toBe(true);
    dedupe.mark(alert('a'));
    expect(dedupe.fresh(alert('a'))).toBe(false);
    expect(dedupe.fresh(alert('a', 2))).toBe(true);
    dedupe.mark(alert('b'));
    dedupe.mark(alert('a')); // marked again: the most recent
    dedupe.mark(alert('c')); // beyond the bound: 'b', the least recently marked, goes
    expect([dedupe.fresh(alert('a')), dedupe.fresh(alert('b')), dedupe.fresh(alert('c'))]).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe.each(dbKinds())('the late-risk loop on %s', (kind) => {
  let database: Database;
  let now = W.now; // 06:00 Stockholm: nobody on shift yet
  const bus = recordingBus();
  const deps = () => ({ db: database.db, bus, now: () => now });
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    await insertLateVisit(database);
  });
  afterAll(async () => database.close());

  it('checks only municipalities on shift and raises each late visit once', async () => {
    const logger = createLogger('silent');
    const dedupe = new LateRiskDedupe();
    expect(await municipalitiesOnShift(deps())).toEqual([]);
    expect(await checkLateRisks(deps(), dedupe, logger)).toBe(0);

    now = new Date('2026-11-23T08:00:00Z'); // 09:00 Stockholm
    expect(await municipalitiesOnShift(deps())).toEqual(['0180']);
    expect(await checkLateRisks(deps(), dedupe, logger)).toBeGreaterThan(0);
    const raised = await database.db
      .select()
      .from(events)
      .where(eq(events.type, 'visit.late_risk'));
    expect(raised.map((e) => (e.payload as { visitId: string }).visitId)).toContain(LATE);
    // The next pass raises nothing new.
    expect(await checkLateRisks(deps(), dedupe, logger)).toBe(0);
  });

  it('raises an alert once across processes, and again for a new version of the visit', async () => {
    const logger = createLogger('silent');
    // Another process: its own memory of what it raised, no live state.
    expect(await checkLateRisks(deps(), new LateRiskDedupe(), logger)).toBe(0);
    expect(await lateAlerts(database)).toBe(1);
    await database.db
      .update(visits)
      .set({ version: sql`${visits.version} + 1` })
      .where(eq(visits.id, LATE));
    expect(await checkLateRisks(deps(), new LateRiskDedupe(), logger)).toBe(1);
    expect(await checkLateRisks(deps(), new LateRiskDedupe(), logger)).toBe(0);
    expect(await lateAlerts(database)).toBe(2);
  });
});

/** Assigned to the RN, due by 08:00 Stockholm. */
async function insertLateVisit(database: Database): Promise<void> {
  await database.db.insert(visits).values({
    id: LATE,
    municipalityCode: '0180',
    patientId: W.patient,
    windowStart: new Date('2026-11-23T06:30:00Z'),
    windowEnd: new Date('2026-11-23T07:00:00Z'),
    durationMinutes: 20,
    taskTypes: ['insulin_pen'],
    requiredProfession: 'rn',
    status: 'assigned',
  });
  await database.db.insert(assignments).values({
    visitId: LATE,
    staffId: W.rn,
    plannedStart: new Date('2026-11-23T06:30:00Z'),
    routeOrder: 0,
  });
}

/** The 'visit.late_risk' events written for the late visit. */
async function lateAlerts(database: Database): Promise<number> {
  const rows = await database.db
    .select()
    .from(events)
    .where(and(eq(events.type, 'visit.late_risk'), sql`${events.payload}->>'visitId' = ${LATE}`));
  return rows.length;
}

describe.runIf(dbKinds().includes('postgres'))('late-risk passes racing in two processes', () => {
  let database: Database;
  let second: Database;
  beforeAll(async () => {
    database = await freshDatabase('postgres');
    if (database.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    await insertWorld(database.db);
    await insertLateVisit(database);
    second = await openDatabase({ kind: 'postgres', url: database.raw.url, maxConnections: 2 });
  });
  afterAll(async () => {
    await second.close();
    await database.close();
  });

  it('lets one alert through when both raise it at once', async () => {
    const logger = createLogger('silent');
    const now = () => new Date('2026-11-23T08:00:00Z');
    const raised = await Promise.all(
      [database, second, database, second].map((d) =>
        checkLateRisks({ db: d.db, now }, new LateRiskDedupe(), logger),
      ),
    );
    const all = await database.db.select().from(events).where(eq(events.type, 'visit.late_risk'));
    expect(raised.reduce((a, b) => a + b, 0)).toBe(all.length);
    expect(await lateAlerts(database)).toBe(1);
  });
});
