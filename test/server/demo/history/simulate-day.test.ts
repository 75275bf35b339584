import { describe, expect, it } from 'vitest';
import type { visits } from '../../../../db/schema/index.ts';
import { Rng } from '../../../../db/seed/prng.ts';
import {
  type CaregiverState,
  type SimDay,
  simulateDay,
} from '../../../../server/demo/history/simulate-day.ts';
import { STATUS_TRANSITIONS } from '../../../../server/visits/visit-status.ts';

type VisitRow = typeof visits.$inferSelect;
const T0 = Date.parse('2026-11-20T06:00:00Z');
const MIN = 60_000;

/** Four caregivers, 240 visits along their routes, a few urgent, a few nobody took. */
function day(): SimDay {
  const rng = new Rng('simulate-day-test');
  const caregivers = new Map(
    ['a', 'b', 'c', 'd'].map((id) => [
      id,
      { id, travelMode: 'car' as const, base: { lat: 59.33, lon: 18.06 } },
    ]),
  );
  const places = new Map<string, { lat: number; lon: number }>();
  const list: SimDay['visits'][number][] = [];
  for (let i = 0; i < 240; i++) {
    const patientId = `p${i % 60}`;
    places.set(patientId, { lat: 59.3 + rng.next() * 0.06, lon: 18.0 + rng.next() * 0.1 });
    const staffId = ['a', 'b', 'c', 'd'][i % 4];
    const plannedStart = new Date(T0 + Math.floor(i / 4) * 45 * MIN);
    const urgent = i % 25 === 7;
    const row = {
      id: `v${String(i).padStart(3, '0')}`,
      municipalityCode: '0180',
      patientId,
      carePlanId: null,
      alsoCarePlanIds: [],
      windowStart: new Date(plannedStart.getTime() - 15 * MIN),
      windowEnd: new Date(plannedStart.getTime() + 45 * MIN),
      windowHard: false,
      durationMinutes: 25,
      taskTypes: ['personal_care'],
      requiredProfession: 'an',
      staffCount: 1,
      priority: urgent ? 'urgent1' : 'planned',
      source: urgent ? 'urgent_call' : 'plan',
      status: i % 60 === 59 ? 'unassigned' : 'assigned',
      pinned: false,
      pinnedStart: null,
      version: 2,
      createdAt: new Date(urgent ? plannedStart.getTime() - 20 * MIN : T0 - 86_400_000),
      updatedAt: new Date(T0 - 86_400_000),
    } as unknown as VisitRow;
    const assignees =
      row.status === 'assigned' ? [{ staffId, plannedStart, routeOrder: Math.floor(i / 4) }] : [];
    list.push({ row, assignees });
  }
  return { municipality: '0180', visits: list, caregivers, places };
}

describe('simulateDay', () => {
  const run = (seed: string) =>
    simulateDay(day(), new Map<string, CaregiverState>(), new Rng(seed));

  it('is the same for the same stream, different for another', () => {
    expect(run('x')).toEqual(run('x'));
    expect(run('y').actuals).not.toEqual(run('x').actuals);
  });

  it('reports each visit through the live transitions, its actuals row saying the same', () => {
    const out = run('x');
    const times = out.events.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const byVisit = new Map<string, { type: string; to?: string; from?: string; at: Date }[]>();
    for (const e of out.events) {
      const p = e.payload as { visit: { id: string; version: number }; from?: string; to?: string };
      byVisit.set(p.visit.id, [
        ...(byVisit.get(p.visit.id) ?? []),
        { type: e.type, from: p.from, to: p.to, at: e.createdAt },
      ]);
    }
    for (const a of out.actuals) {
      const list = byVisit.get(a.visitId)!;
      const final = out.visits.find((v) => v.id === a.visitId)!;
      expect(final.status).toBe(a.outcome);
      expect(final.version).toBe(2 + list.length);
      expect(list.at(-1)!.at).toEqual(a.finishedAt);
      if (list[0].type === 'visit.cancelled') {
        expect(a.staffId).toBeNull(); // nobody was planned for it: missed
        continue;
      }
      let status = 'assigned';
      for (const e of list) {
        expect(e.from).toBe(status);
        expect(STATUS_TRANSITIONS[status as keyof typeof STATUS_TRANSITIONS]).toContain(e.to);
        status = e.to!;
      }
      const at = (to: string) => list.find((e) => e.to === to)?.at ?? null;
      expect(a.enRouteAt).toEqual(at('en_route'));
      expect(a.startedAt).toEqual(at('in_progress'));
    }
    const outcomes = out.actuals.map((a) => a.outcome);
    expect(outcomes.filter((o) => o === 'done').length).toBeGreaterThan(200);
    expect(outcomes.filter((o) => o === 'cancelled').length).toBeGreaterThanOrEqual(4);
  });

  it('sets out for an urgent call only once it is registered, and never overlaps a caregiver', () => {
    const d = day();
    const out = simulateDay(d, new Map(), new Rng('x'));
    const rows = new Map(d.visits.map((v) => [v.row.id, v]));
    const busy = new Map<string, [number, number][]>();
    for (const a of out.actuals) {
      const { row } = rows.get(a.visitId)!;
      if (row.source === 'urgent_call' && a.enRouteAt)
        expect(a.enRouteAt.getTime()).toBeGreaterThan(row.createdAt.getTime());
      if (!a.enRouteAt || !a.staffId) continue;
      busy.set(a.staffId, [
        ...(busy.get(a.staffId) ?? []),
        [a.enRouteAt.getTime(), a.finishedAt!.getTime()],
      ]);
    }
    for (const spans of busy.values()) {
      spans.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < spans.length; i++)
        expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    }
  });
});
