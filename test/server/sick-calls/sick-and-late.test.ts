import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { assignments, events, repairProposals, shifts, visits } from '../../../db/schema/index.ts';
import { acceptRepair } from '../../../server/sick-calls/accept-repair.ts';
import {
  LateRiskDedupe,
  emitLateRiskEvents,
  lateRiskAlerts,
} from '../../../server/late-risk/late-risk.ts';
import { pinVisit } from '../../../server/visits/pin-visit.ts';
import { PositionStore, reportPosition } from '../../../server/positions/positions.ts';
import { ProposalStore } from '../../../server/sick-calls/proposals.ts';
import { type SolveFn, reportSick } from '../../../server/sick-calls/report-sick.ts';
import { estimateTravel } from '../../../server/solver-bridge/travel.ts';
import { sourceProvider } from '../../../server/travel/estimate-provider.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, failure, insertWorld, recordingBus } from '../support/world.ts';
import { SYSTEM } from '../../../server/commands/run-command.ts';
import { inProcessRepairSolve as inProcess } from '../planning/support/in-process-solve.ts';

const now = new Date('2026-11-23T08:00:00Z'); // 09:00 Stockholm
const A = '40000000-0000-4000-8000-000000000001'; // RN, 11:00
const B = '40000000-0000-4000-8000-000000000002'; // RN, 13:00
const C = '40000000-0000-4000-8000-000000000003'; // AN, 12:00

describe.each(dbKinds())('sick calls, repairs and late risks on %s', (kind) => {
  let database: Database;
  const bus = recordingBus();
  const positions = new PositionStore();
  let proposals: ProposalStore;
  let proposalId = '';
  const deps = () => ({
    db: database.db,
    bus,
    now: () => now,
    positions,
    proposals,
    solve: inProcess,
  });
  beforeAll(async () => {
    database = await freshDatabase(kind);
    proposals = new ProposalStore(database.db);
    await insertWorld(database.db);
    const visit = (id: string, startIso: string, over = {}) => ({
      id,
      municipalityCode: '0180',
      patientId: W.patient,
      windowStart: new Date(startIso),
      windowEnd: new Date(new Date(startIso).getTime() + 30 * 60_000),
      durationMinutes: 20,
      taskTypes: ['insulin_pen' as const],
      requiredProfession: 'rn' as const,
      status: 'assigned' as const,
      ...over,
    });
    await database.db.insert(visits).values([
      visit(A, '2026-11-23T10:00:00Z', { pinned: true }),
      visit(B, '2026-11-23T12:00:00Z'),
      visit(C, '2026-11-23T11:00:00Z', {
        taskTypes: ['personal_care'],
        requiredProfession: 'an',
      }),
    ]);
    const at = (iso: string) => new Date(iso);
    await database.db.insert(assignments).values([
      { visitId: A, staffId: W.rn, plannedStart: at('2026-11-23T10:00:00Z'), routeOrder: 1 },
      { visitId: B, staffId: W.rn, plannedStart: at('2026-11-23T12:00:00Z'), routeOrder: 2 },
      { visitId: C, staffId: W.an, plannedStart: at('2026-11-23T11:00:00Z'), routeOrder: 1 },
    ]);
  });
  afterAll(async () => database.close());

  it('releases the sick caregiver’s visits and proposes a minimal repair', async () => {
    const { releasedVisitIds, proposal, travel } = await reportSick(deps(), SYSTEM, {
      staffId: W.rn,
      timeLimitMs: 2000,
    });
    // No travel provider: the built-in estimate, and the answer says so.
    expect(travel).toEqual({ source: 'estimate' });
    // Their evening visit (fixture, 20:00) goes too: they are off for the day.
    expect(releasedVisitIds).toEqual([W.visitEvening, A, B].sort());
    const types = (await database.db.select().from(events).orderBy(asc(events.seq))).map(
      (e) => e.type,
    );
    expect(types).toEqual([...Array(3).fill('visit.unassigned'), 'staff.sick']);
    expect(bus.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    const [shift] = await database.db.select().from(shifts).where(eq(shifts.staffId, W.rn));
    expect(shift.endsAt).toEqual(now);
    const [a] = await database.db.select().from(visits).where(eq(visits.id, A));
    expect(a).toMatchObject({ status: 'unassigned', pinned: false, version: 2 });
    // Only the AN holds the delegation and is not refused; C stays where it is.
    // The still unassigned, late morning visit is offered too.
    const offered = new Map(proposal.assignments.map((p) => [p.visitId, p]));
    expect(offered.get(A)!.staffIds).toEqual([W.an]);
    expect(offered.get(B)!.staffIds).toEqual([W.an]);
    expect(offered.has(C)).toBe(false);
    expect(offered.get(A)).toMatchObject({ expectedVersion: 2, previousStaffIds: [] });
    // Nobody works the evening: that visit stays unplaced, with a reason.
    expect(proposal.unplaced.map((u) => u.visitId)).toContain(W.visitEvening);
    proposalId = proposal.id;
  });

  it('accepts part of the proposal, with version checks, in one transaction', async () => {
    const proposal = (await proposals.get(proposalId, now))!;
    const done = await acceptRepair(deps(), SYSTEM, { proposalId: proposal.id, visitIds: [A] });
    expect(done.accepted.map((v) => [v.id, v.status, v.version])).toEqual([[A, 'assigned', 3]]);
    // Another process's store: the proposal, less what was accepted, is in the database.
    const elsewhere = { ...deps(), proposals: new ProposalStore(database.db) };
    expect(
      await failure(acceptRepair(elsewhere, SYSTEM, { proposalId: proposal.id, visitIds: [A] })),
    ).toMatchObject({ status: 400, details: [{ field: 'body.visitIds.0' }] });
    await pinVisit(deps(), SYSTEM, { visitId: B, expectedVersion: 2 });
    expect(await failure(acceptRepair(deps(), SYSTEM, { proposalId: proposal.id }))).toMatchObject({
      status: 409,
      details: [{ field: 'body.expectedVersion' }],
    });
    // All or nothing: the morning visit, before B in the proposal, was not assigned either.
    for (const id of [B, W.visitMorning]) {
      const rows = await database.db.select().from(assignments).where(eq(assignments.visitId, id));
      expect(rows).toHaveLength(0);
    }
    expect(await failure(acceptRepair(deps(), SYSTEM, { proposalId: 'nope' }))).toMatchObject({
      status: 404,
    });
    expect(
      await failure(
        acceptRepair(deps(), SYSTEM, { proposalId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('raises a late risk once per visit version when the caregiver is far away', async () => {
    // The AN reports from Uppsala, 60 km away by bike: A (11:00–11:30) and C cannot be kept.
    await reportPosition(deps(), { staffId: W.an, lat: 59.86, lon: 17.64, status: 'available' });
    const alerts = await lateRiskAlerts(deps(), '0180');
    expect(alerts.map((a) => a.visitId)).toEqual([A, C]);
    // The same from a travel source of matrices only (a road network's).
    const tables = sourceProvider({ matrices: estimateTravel().matrices });
    expect(await lateRiskAlerts({ ...deps(), travel: tables }, '0180')).toEqual(alerts);
    expect(alerts[0]).toMatchObject({ staffId: W.an, windowEndLocal: '2026-11-23T11:30:00+01:00' });
    expect(alerts[0].lateBySeconds).toBeGreaterThan(3600);
    const dedupe = new LateRiskDedupe();
    expect(await emitLateRiskEvents(deps(), '0180', alerts, dedupe)).toHaveLength(2);
    expect(await emitLateRiskEvents(deps(), '0180', alerts, dedupe)).toHaveLength(0);
    const logged = await database.db
      .select()
      .from(events)
      .where(eq(events.type, 'visit.late_risk'));
    expect(logged).toHaveLength(2);
  });

  it('keeps a proposal for its time, then forgets it and clears it away', async () => {
    const store = new ProposalStore(database.db, 60_000);
    const made = await store.add({ municipalityCode: '0180', assignments: [], unplaced: [] }, now);
    expect(await store.get(made.id, new Date(now.getTime() + 59_999))).toMatchObject({
      id: made.id,
      municipalityCode: '0180',
      expiresAt: new Date(now.getTime() + 60_000).toISOString(),
    });
    const later = new Date(now.getTime() + 60_000);
    expect(await store.get(made.id, later)).toBeUndefined();
    await store.add({ municipalityCode: '0180', assignments: [], unplaced: [] }, later);
    const rows = await database.db
      .select()
      .from(repairProposals)
      .where(eq(repairProposals.id, made.id));
    expect(rows).toHaveLength(0);
  });

  it('gives the repair’s solver what is left of the time box', async () => {
    let given = 0;
    const solveSpy: SolveFn = async (input, o) => {
      given = o.timeLimitMs;
      return inProcess(input, o);
    };
    await reportSick({ ...deps(), solve: solveSpy }, SYSTEM, { staffId: W.an, timeLimitMs: 2000 });
    // Releasing the visits, loading the day and building the problem came out of it.
    expect(given).toBeGreaterThanOrEqual(100);
    expect(given).toBeLessThan(2000);
  });

  it('leaving later keeps the visits planned before they leave, and releases the rest', async () => {
    // The AN has nothing left after the call above: a 14:00 and an 18:00 visit, leaving 17:00.
    const D = '40000000-0000-4000-8000-000000000004';
    const E = '40000000-0000-4000-8000-000000000005';
    const base = {
      municipalityCode: '0180',
      patientId: W.patient,
      durationMinutes: 20,
      taskTypes: ['personal_care' as const],
      requiredProfession: 'an' as const,
      status: 'assigned' as const,
    };
    const t = (iso: string) => new Date(iso);
    await database.db.insert(visits).values([
      {
        ...base,
        id: D,
        windowStart: t('2026-11-23T13:00:00Z'),
        windowEnd: t('2026-11-23T13:30:00Z'),
      },
      {
        ...base,
        id: E,
        windowStart: t('2026-11-23T17:00:00Z'),
        windowEnd: t('2026-11-23T17:30:00Z'),
      },
    ]);
    await database.db.insert(assignments).values([
      { visitId: D, staffId: W.an, plannedStart: t('2026-11-23T13:00:00Z'), routeOrder: 1 },
      { visitId: E, staffId: W.an, plannedStart: t('2026-11-23T17:00:00Z'), routeOrder: 2 },
    ]);
    const { releasedVisitIds } = await reportSick(deps(), SYSTEM, {
      staffId: W.an,
      at: '2026-11-23T17:00:00+01:00',
      timeLimitMs: 200,
    });
    expect(releasedVisitIds).toEqual([E]);
    const [d] = await database.db.select().from(visits).where(eq(visits.id, D));
    expect(d.status).toBe('assigned');
  });
});
