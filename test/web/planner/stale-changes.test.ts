import { describe, expect, it } from 'vitest';
import { staleLines } from '../../../web/planner/stale-changes.ts';

describe("a stale plan's changes", () => {
  it('names the visit or shift and the kind of change, as the server reports them', () => {
    expect(
      staleLines([
        { field: 'visits.v1', message: 'changed: 3 → 4', reason: 'changed' },
        { field: 'visits.v2', message: 'no longer in the day as planned', reason: 'gone' },
        { field: 'shifts.s1', message: 'new since the plan was made', reason: 'new' },
        { field: 'visits.v3', message: 'not written', reason: 'not_written' },
        { message: 'and 7 more changes', reason: 'more' },
        // The words alone are not read: a reworded message still needs its code.
        { field: 'visits.v4', message: 'changed: 1 → 2' },
      ]),
    ).toEqual([
      { kind: 'visit', id: 'v1', change: 'planner.staleChanged', message: 'changed: 3 → 4' },
      {
        kind: 'visit',
        id: 'v2',
        change: 'planner.staleGone',
        message: 'no longer in the day as planned',
      },
      {
        kind: 'shift',
        id: 's1',
        change: 'planner.staleNew',
        message: 'new since the plan was made',
      },
      { kind: 'visit', id: 'v3', change: 'planner.staleNotWritten', message: 'not written' },
      { kind: 'other', id: '', change: null, message: 'and 7 more changes' },
      { kind: 'visit', id: 'v4', change: null, message: 'changed: 1 → 2' },
    ]);
  });
});
