import { describe, expect, it } from 'vitest';
import { caregiverRows } from '../../../web/planner/caregiver-rows.ts';

describe('the proposal per caregiver', () => {
  it('counts visits and spans the first start to the last end, both caregivers of a pair', () => {
    const rows = caregiverRows(
      [
        { visitId: 'v2', staff: [{ staffId: 'b', plannedStart: '2026-11-24T09:00:00.000Z' }] },
        {
          visitId: 'v1',
          staff: [
            { staffId: 'a', plannedStart: '2026-11-24T07:00:00.000Z' },
            { staffId: 'b', plannedStart: '2026-11-24T07:00:00.000Z' },
          ],
        },
        { visitId: 'v3', staff: [{ staffId: 'a', plannedStart: '2026-11-24T12:00:00.000Z' }] },
      ],
      new Map([
        ['a', 'Anna'],
        ['b', 'Bo'],
      ]),
      new Map([
        ['v1', 30],
        ['v2', 45],
        ['v3', 20],
      ]),
    );
    expect(rows).toEqual([
      {
        staffId: 'a',
        name: 'Anna',
        visits: 2,
        first: '2026-11-24T07:00:00.000Z',
        last: '2026-11-24T12:20:00.000Z',
      },
      {
        staffId: 'b',
        name: 'Bo',
        visits: 2,
        first: '2026-11-24T07:00:00.000Z',
        last: '2026-11-24T09:45:00.000Z',
      },
    ]);
  });
});
