import { describe, expect, it } from 'vitest';
import {
  type LatLon,
  type MapVisit,
  countByStatus,
  routesOf,
  visitMarks,
} from '../../web/console/map/map-model.ts';

const visit = (
  id: string,
  patientId: string,
  status: MapVisit['status'],
  assignees: { staffId: string; plannedStart: string }[] = [],
): MapVisit => ({
  id,
  patientId,
  status,
  priority: 'planned',
  windowStart: '2026-11-23T06:00:00Z',
  windowEnd: '2026-11-23T07:00:00Z',
  durationMinutes: 20,
  taskTypes: ['insulin_pen'],
  requiredProfession: 'rn',
  staffCount: assignees.length || 1,
  version: 1,
  assignees,
});

const places = new Map<string, LatLon>([
  ['p1', [59.3, 18.0]],
  ['p2', [59.31, 18.01]],
  ['p3', [59.32, 18.02]],
]);

describe('the map model', () => {
  it("joins a caregiver's visits in planned order, leaving out cancelled and unplaced ones", () => {
    const visits = [
      visit('b', 'p2', 'assigned', [{ staffId: 's', plannedStart: '2026-11-23T09:00:00Z' }]),
      visit('a', 'p1', 'done', [{ staffId: 's', plannedStart: '2026-11-23T08:00:00Z' }]),
      visit('c', 'p3', 'cancelled', [{ staffId: 's', plannedStart: '2026-11-23T08:30:00Z' }]),
      visit('d', 'unknown', 'assigned', [{ staffId: 's', plannedStart: '2026-11-23T10:00:00Z' }]),
    ];
    expect(routesOf(visits, places)).toEqual([
      { staffId: 's', points: [places.get('p1'), places.get('p2')], visits: 3 },
    ]);
  });

  it('puts a two-person visit on both routes', () => {
    const two = visit('x', 'p1', 'assigned', [
      { staffId: 's1', plannedStart: '2026-11-23T08:00:00Z' },
      { staffId: 's2', plannedStart: '2026-11-23T08:00:00Z' },
    ]);
    expect(routesOf([two], places).map((r) => r.staffId)).toEqual(['s1', 's2']);
  });

  it('marks placed visits and counts visits by status in a fixed order', () => {
    const visits = [
      visit('a', 'p1', 'done'),
      visit('b', 'p2', 'unassigned'),
      visit('c', 'nowhere', 'unassigned'),
    ];
    expect(visitMarks(visits, places).map((m) => m.id)).toEqual(['a', 'b']);
    expect(countByStatus(visits, places)).toEqual([
      { status: 'unassigned', count: 2, placed: 1 },
      { status: 'done', count: 1, placed: 1 },
    ]);
  });
});
