import { describe, expect, it } from 'vitest';
import { staffDays } from '../../web/console/staff-day.ts';
import type { ConsoleVisit } from '../../web/console/types.ts';

const visit = (id: string, status: ConsoleVisit['status'], staffId: string, start: string) =>
  ({
    id,
    status,
    assignees: [{ staffId, plannedStart: start }],
  }) as ConsoleVisit;

describe('staff on shift: current and next visit', () => {
  it('takes the visit begun as current and the earliest not begun as next', () => {
    const days = staffDays([
      visit('later', 'assigned', 'anna', '2026-11-23T20:00:00Z'),
      visit('now', 'in_progress', 'anna', '2026-11-23T18:00:00Z'),
      visit('sooner', 'assigned', 'anna', '2026-11-23T19:00:00Z'),
      visit('done', 'done', 'anna', '2026-11-23T17:00:00Z'),
      visit('bo', 'en_route', 'bo', '2026-11-23T18:30:00Z'),
    ]);
    expect(days.get('anna')?.current?.id).toBe('now');
    expect(days.get('anna')?.next?.visit.id).toBe('sooner');
    expect(days.get('bo')).toMatchObject({ current: { id: 'bo' }, next: null });
  });
});
