import { and, asc, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../db/client.ts';
import { migrateDatabase } from '../../../db/migrate.ts';
import { MUNICIPALITIES, municipalityByCode } from '../../../db/reference/municipalities.ts';
import { TASK_TYPES } from '../../../db/reference/task-types.ts';
import {
  carePlans,
  delegations,
  eventSequences,
  municipalities,
  patientExclusions,
  patients,
  shifts,
  staff,
  teams,
  visits,
} from '../../../db/schema/index.ts';
import { generateMunicipality } from '../../../db/seed/generate.ts';
import {
  DEFAULT_SCALE,
  isDatabaseEmpty,
  resetDatabase,
  type SeedSummary,
  seedDemoData,
  seedMunicipalities,
} from '../../../db/seed/seed.ts';

const ZONE = 'Europe/Stockholm';
const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';

let database: Database;
let summary: SeedSummary;
let seedMs: number;

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateDatabase(database);
});

afterAll(async () => {
  await database?.close();
});

const local = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE });
const period = (d: Date) => {
  const m = local(d).hour * 60 + local(d).minute;
  return m >= 420 && m < 900 ? 'day' : m >= 900 && m < 1320 ? 'evening' : 'night';
};

describe('seedMunicipalities', () => {
  it('loads the 26 municipalities idempotently, with one event sequence each', async () => {
    expect(await isDatabaseEmpty(database.db)).toBe(true);
    await seedMunicipalities(database.db);
    await seedMunicipalities(database.db);
    const rows = await database.db.select().from(municipalities).orderBy(asc(municipalities.code));
    expect(rows).toHaveLength(26);
    expect(rows.map((r) => r.code)).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
    const stockholm = rows.find((r) => r.code === '0180')!;
    expect(stockholm.name).toBe('Stockholm');
    expect(stockholm.population).toBeGreaterThan(900_000);
    expect(stockholm.timeZone).toBe(ZONE);
    const seqs = await database.db.select().from(eventSequences);
    expect(seqs).toHaveLength(26);
    expect(seqs.every((s) => s.lastSeq === 0)).toBe(true);
    expect(await isDatabaseEmpty(database.db)).toBe(true);
  });
});

describe('seedDemoData at the default scale', () => {
  beforeAll(async () => {
    const started = performance.now();
    summary = await seedDemoData(database.db, { seed: 7, scale: DEFAULT_SCALE, today: TODAY });
    seedMs = performance.now() - started;
  });

  it('populates all municipalities quickly and reports what it inserted', async () => {
    expect(seedMs).toBeLessThan(15_000);
    expect(await isDatabaseEmpty(database.db)).toBe(false);
    expect(summary.municipalities).toBe(26);
    const [v] = await database.db.select({ n: sql<number>`count(*)::int` }).from(visits);
    const [s] = await database.db.select({ n: sql<number>`count(*)::int` }).from(staff);
    expect(v.n).toBe(summary.visits);
    expect(s.n).toBe(summary.staff);
    // a few hundred visits a day county-wide
    expect(summary.visits / 2).toBeGreaterThan(200);
    expect(summary.visits / 2).toBeLessThan(1500);
    const teamRows = await database.db.select().from(teams);
    expect(new Set(teamRows.map((t) => t.municipalityCode)).size).toBe(26);
  });

  it('has visits today and tomorrow (local) in the day, evening and night', async () => {
    const rows = await database.db.select().from(visits);
    const seen = new Set(
      rows.map((v) => `${local(v.windowStart).toISODate()}:${period(v.windowStart)}`),
    );
    for (const date of [TODAY, TOMORROW]) {
      for (const p of ['day', 'evening', 'night']) expect(seen).toContain(`${date}:${p}`);
    }
    const dates = new Set(rows.map((v) => local(v.windowStart).toISODate()));
    expect([...dates].sort()).toEqual([TODAY, TOMORROW]);
    for (const v of rows) {
      expect(v.windowEnd.getTime()).toBeGreaterThanOrEqual(v.windowStart.getTime());
      expect(v.status).toBe('unassigned');
      expect(v.taskTypes.length).toBeGreaterThan(0);
      for (const t of v.taskTypes) expect(TASK_TYPES[t].profession).toBe(v.requiredProfession);
    }
    expect(rows.some((v) => v.source === 'single' && v.carePlanId === null)).toBe(true);
    expect(rows.filter((v) => v.source === 'plan').every((v) => v.carePlanId !== null)).toBe(true);
  });

  it('makes insulin visits with a hard 07:30-08:30 window and some two-person visits', async () => {
    const rows = await database.db.select().from(visits);
    const insulin = rows.filter(
      (v) => v.taskTypes.includes('insulin_pen') && local(v.windowStart).hour < 10,
    );
    expect(insulin.length).toBeGreaterThan(0);
    for (const v of insulin) {
      expect(v.windowHard).toBe(true);
      expect(local(v.windowStart).toFormat('HH:mm')).toBe('07:30');
      expect(local(v.windowEnd).toFormat('HH:mm')).toBe('08:30');
    }
    const two = rows.filter((v) => v.staffCount === 2);
    expect(two.length).toBeGreaterThan(0);
    expect(two.length / rows.length).toBeLessThan(0.15);
    const professions = new Set(rows.map((v) => v.requiredProfession));
    for (const p of ['rn', 'an']) expect(professions).toContain(p);
  });

  it('makes staff with HSA-id shape and a plausible profession mix', async () => {
    const rows = await database.db.select().from(staff);
    for (const s of rows) expect(s.hsaId).toMatch(/^SE[0-9]{10}-[A-Za-z0-9]+$/);
    const share = (p: string) => rows.filter((s) => s.profession === p).length / rows.length;
    expect(share('an')).toBeGreaterThan(0.4);
    expect(share('rn')).toBeGreaterThan(0.15);
    expect(share('ot') + share('pt') + share('dietitian')).toBeGreaterThan(0.05);
    expect(new Set(rows.map((s) => s.travelMode)).size).toBeGreaterThanOrEqual(3);
  });

  it('staffs every team with at least one RN and some ANs on every shift', async () => {
    const rows = await database.db
      .select({
        teamId: staff.teamId,
        profession: staff.profession,
        kind: shifts.kind,
        startsAt: shifts.startsAt,
      })
      .from(shifts)
      .innerJoin(staff, eq(staff.id, shifts.staffId));
    const teamRows = await database.db.select().from(teams);
    for (const team of teamRows) {
      for (const date of [TODAY, TOMORROW]) {
        for (const kind of ['day', 'evening', 'night'] as const) {
          const on = rows.filter(
            (r) =>
              r.teamId === team.id && r.kind === kind && local(r.startsAt).toISODate() === date,
          );
          expect(on.filter((r) => r.profession === 'rn').length).toBeGreaterThanOrEqual(1);
          expect(on.filter((r) => r.profession === 'an').length).toBeGreaterThanOrEqual(2);
        }
      }
    }
    // night shift ending this morning exists, so visits after midnight today are covered
    expect(
      rows.some((r) => r.kind === 'night' && local(r.startsAt).toISODate() === '2026-11-22'),
    ).toBe(true);
    const dayShift = rows.find((r) => r.kind === 'day')!;
    expect(local(dayShift.startsAt).toFormat('HH:mm')).toBe('07:00');
  });

  it('makes delegations: valid periods, some expiring during the demo days, a few revoked or for one patient', async () => {
    const rows = await database.db.select().from(delegations);
    expect(rows.length).toBeGreaterThan(0);
    const staffRows = await database.db.select().from(staff);
    const byId = new Map(staffRows.map((s) => [s.id, s]));
    for (const d of rows) {
      expect(d.validTo.getTime()).toBeGreaterThan(d.validFrom.getTime());
      expect(d.validTo.getTime() - d.validFrom.getTime()).toBeLessThanOrEqual(365 * 86_400_000);
      expect(byId.get(d.staffId)!.profession).toBe('an');
      expect(byId.get(d.delegatedBy)!.profession).toBe('rn');
      expect(byId.get(d.delegatedBy)!.teamId).toBe(byId.get(d.staffId)!.teamId);
      expect(TASK_TYPES[d.taskType].delegable).toBe(true);
    }
    const demoStart = DateTime.fromISO(TODAY, { zone: ZONE }).toJSDate();
    const demoEnd = DateTime.fromISO(TOMORROW, { zone: ZONE }).plus({ days: 1 }).toJSDate();
    const expiring = await database.db
      .select()
      .from(delegations)
      .where(and(gt(delegations.validTo, demoStart), lte(delegations.validTo, demoEnd)));
    expect(expiring.length).toBeGreaterThan(0);
    expect(expiring.some((d) => local(d.validTo).toISO()?.startsWith(`${TOMORROW}T02:00`))).toBe(
      true,
    );
    const revoked = await database.db
      .select()
      .from(delegations)
      .where(isNotNull(delegations.revokedAt));
    expect(revoked.length).toBeGreaterThan(0);
    expect(rows.some((d) => d.patientId !== null)).toBe(true);
  });

  it('places patients around their municipality, with contacts, settings, exclusions and care plans', async () => {
    const rows = await database.db.select().from(patients);
    const refs = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
    for (const p of rows) {
      const m = refs.get(p.municipalityCode)!;
      const radius = Math.sqrt(m.areaKm2 / Math.PI);
      const km = Math.hypot(
        (p.lat - m.lat) * 111.32,
        (p.lon - m.lon) * 111.32 * Math.cos((m.lat * Math.PI) / 180),
      );
      expect(km).toBeLessThanOrEqual(radius + 0.01);
      expect(p.address.length).toBeGreaterThan(5);
    }
    expect(rows.filter((p) => p.contactStaffId !== null).length / rows.length).toBeGreaterThan(0.5);
    expect(new Set(rows.map((p) => p.careSetting)).size).toBeGreaterThanOrEqual(2);
    expect(
      rows.filter((p) => p.careSetting === 'ordinary_home').length / rows.length,
    ).toBeGreaterThan(0.7);
    expect(rows.some((p) => /\d{4}/.test(p.notes))).toBe(true);
    const plans = await database.db.select().from(carePlans);
    expect(plans.length).toBe(summary.carePlans);
    for (const plan of plans) {
      expect(plan.windowEnd > plan.windowStart).toBe(true);
      expect(plan.priority).toBe('planned');
      expect(plan.validFrom < TODAY).toBe(true);
    }
    expect(plans.some((p) => p.daysOfWeek.length < 7 && p.daysOfWeek.every((d) => d <= 5))).toBe(
      true,
    );
    const exclusions = await database.db.select().from(patientExclusions);
    const contacts = new Map(rows.map((p) => [p.id, p.contactStaffId]));
    for (const e of exclusions) expect(contacts.get(e.patientId)).not.toBe(e.staffId);
  });

  it('can be reset, leaving an empty database that seeds again', async () => {
    await resetDatabase(database.db);
    expect(await isDatabaseEmpty(database.db)).toBe(true);
    expect(await database.db.select().from(municipalities)).toHaveLength(0);
    const again = await seedDemoData(database.db, {
      seed: 7,
      scale: DEFAULT_SCALE,
      today: TODAY,
      municipalities: ['0187'],
    });
    expect(again.municipalities).toBe(1);
    expect(await database.db.select().from(municipalities)).toHaveLength(26);
  });

  it('rejects bad options and writes nothing', async () => {
    await expect(seedDemoData(database.db, { seed: 1, scale: 0, today: TODAY })).rejects.toThrow(
      /scale/,
    );
    await expect(
      seedDemoData(database.db, { seed: 1, scale: 1, today: '2026-13-01' }),
    ).rejects.toThrow(/today/);
    await expect(
      seedDemoData(database.db, { seed: 1, scale: 1, today: TODAY, municipalities: ['9999'] }),
    ).rejects.toThrow(/9999/);
  });

  it('rolls back everything when an insert fails late (at the visits)', async () => {
    const count = async () =>
      (await database.db.select({ n: sql<number>`count(*)::int` }).from(patients))[0].n;
    const before = await count();
    // Plant a visit whose id the next seed will generate: teams, staff, patients and plans
    // go in first, then the visits insert fails; none of it may remain.
    const planned = generateMunicipality(municipalityByCode('0114')!, {
      seed: 8,
      scale: DEFAULT_SCALE,
      today: TODAY,
    });
    const [existing] = await database.db.select().from(visits).limit(1);
    await database.db.insert(visits).values({ ...existing, id: planned.visits.at(-1)!.id });
    await expect(
      seedDemoData(database.db, {
        seed: 8,
        scale: DEFAULT_SCALE,
        today: TODAY,
        municipalities: ['0114'],
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
    expect(
      await database.db.select().from(teams).where(eq(teams.municipalityCode, '0114')),
    ).toHaveLength(0);
    expect(
      await database.db.select().from(staff).where(eq(staff.municipalityCode, '0114')),
    ).toHaveLength(0);
  });
});
