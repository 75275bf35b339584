import { describe, expect, it } from 'vitest';
import { queueRows } from '../../web/console/queue-order.ts';
import type { ConsoleVisit, LateRiskAlert } from '../../web/console/types.ts';

const visit = (id: string, over: Partial<ConsoleVisit>): ConsoleVisit => ({
  id,
  status: 'assigned',
  priority: 'planned',
  windowStart: '2026-11-23T18:00:00Z',
  windowEnd: '2026-11-23T19:00:00Z',
  durationMinutes: 20,
  taskTypes: ['insulin_pen'],
  requiredProfession: 'rn',
  staffCount: 1,
  version: 1,
  assignees: [],
  ...over,
});
const alert = (visitId: string, version: number) =>
  ({ visitId, version, lateBySeconds: 600 }) as LateRiskAlert;

describe('the queue order', () => {
  it('puts unassigned and urgent first, then late risks, by priority and window end', () => {
    const visits = [
      visit('planned-late', { windowEnd: '2026-11-23T17:00:00Z' }),
      visit('planned', { windowEnd: '2026-11-23T16:00:00Z' }),
      visit('unassigned-early', { status: 'unassigned', windowEnd: '2026-11-23T18:00:00Z' }),
      visit('urgent2', { priority: 'urgent2', windowEnd: '2026-11-23T20:00:00Z' }),
      visit('urgent1', { priority: 'urgent1', status: 'unassigned' }),
      visit('done', { status: 'done', priority: 'urgent1' }),
    ];
    const lateRisks = new Map([['planned-late', alert('planned-late', 1)]]);
    expect(queueRows(visits, lateRisks).map((r) => r.visit.id)).toEqual([
      'urgent1',
      'urgent2',
      'unassigned-early',
      'planned-late',
      'planned',
    ]);
  });

  it('ignores an alert about an older version of the visit', () => {
    const rows = queueRows([visit('v', { version: 2 })], new Map([['v', alert('v', 1)]]));
    expect(rows[0]).toMatchObject({ lateRisk: null, needsAction: false });
  });
});
