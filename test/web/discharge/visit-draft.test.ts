import { describe, expect, it } from 'vitest';
import { confirmBody, draftOf } from '../../../web/discharge/visit-draft.ts';

// Tuesday 24 November 2026: 12:00–14:00 in Stockholm is 11:00–13:00 UTC.
const proposed = [
  {
    need: 'nursing_assessment' as const,
    taskTypes: ['nursing_assessment' as const],
    durationMinutes: 45,
    staffCount: 1 as const,
    windowStart: '2026-11-24T11:00:00.000Z',
    windowEnd: '2026-11-24T13:00:00.000Z',
  },
  {
    need: 'medication' as const,
    taskTypes: ['dose_dispensing' as const],
    durationMinutes: 15,
    staffCount: 1 as const,
    windowStart: '2026-11-24T12:00:00.000Z',
    windowEnd: '2026-11-24T14:00:00.000Z',
  },
];

describe('confirmBody', () => {
  it('shows the window in Stockholm time and sends no body when nothing changed', () => {
    const drafts = proposed.map(draftOf);
    expect(drafts[0]).toMatchObject({ day: '2026-11-24', from: '12:00', to: '14:00' });
    expect(confirmBody(drafts, proposed)).toEqual({});
  });

  it('sends the kept visits with Stockholm local times once one is edited or removed', () => {
    const drafts = proposed.map(draftOf);
    drafts[0] = { ...drafts[0]!, removed: true };
    drafts[1] = { ...drafts[1]!, from: '15:30', durationMinutes: 20 };
    expect(confirmBody(drafts, proposed)).toEqual({
      visits: [
        {
          taskTypes: ['dose_dispensing'],
          durationMinutes: 20,
          staffCount: 1,
          windowStart: '2026-11-24T15:30',
          windowEnd: '2026-11-24T15:00',
        },
      ],
    });
  });
});
