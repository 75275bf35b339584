import { describe, expect, it } from 'vitest';
import {
  KOLADA,
  type MetVisit,
  continuityIndicator,
  summarise,
} from '../../../bench/planning/kolada-indicator.ts';

/**
 * Three days around the autumn clock change: Sunday 2026-10-25 at 01:00 UTC Stockholm goes
 * from CEST (UTC+2) to CET (UTC+1). So 05:30 UTC is 07:30 local on the 24th and 06:30 local on
 * the 25th; 05:00 UTC is 07:00 local on the 24th.
 */
const options = { ...KOLADA, firstDay: '2026-10-24', days: 3 };

const at = (iso: string) => new Date(iso);
function v(patientId: string, due: string, staffIds: string[], start: string | null = due) {
  return {
    patientId,
    due: at(due),
    start: start === null ? null : at(start),
    staffIds,
  } satisfies MetVisit;
}

const visits: MetVisit[] = [
  // P1: eligible. Daytime A, B, C, D = 4; all hours also E (23:30) and F (06:30 CET) = 6.
  v('P1', '2026-10-24T05:00:00Z', ['A']), // 07:00 CEST: counts (the bound is inclusive)
  v('P1', '2026-10-24T18:00:00Z', ['B']), // 20:00 CEST
  v('P1', '2026-10-25T05:30:00Z', ['F']), // 06:30 CET: neither daytime nor eligibility
  v('P1', '2026-10-25T06:00:00Z', ['A']), // 07:00 CET
  v('P1', '2026-10-25T20:30:00Z', ['C']), // 21:30 CET
  v('P1', '2026-10-26T06:30:00Z', ['D']), // 07:30 CET
  v('P1', '2026-10-26T12:00:00Z', ['A']),
  v('P1', '2026-10-26T22:30:00Z', ['E']), // 23:30 CET on the 26th: all hours only
  // P2: on the 25th only one visit due 07–22 (05:30 UTC is 06:30 CET; at a fixed UTC+2 it
  // would be 07:30 and P2 would count). Not eligible.
  v('P2', '2026-10-24T07:00:00Z', ['A']),
  v('P2', '2026-10-24T15:00:00Z', ['B']),
  v('P2', '2026-10-25T05:30:00Z', ['A']),
  v('P2', '2026-10-25T15:00:00Z', ['B']),
  v('P2', '2026-10-26T07:00:00Z', ['A']),
  v('P2', '2026-10-26T15:00:00Z', ['B']),
  // P3: eligible. A two-person visit (G, H); a visit due 21:30 CEST but started 22:10 (I:
  // all hours only); an unplaced visit still makes the day's two. Daytime 2, all hours 3.
  v('P3', '2026-10-24T06:00:00Z', ['G', 'H']),
  v('P3', '2026-10-24T19:30:00Z', ['I'], '2026-10-24T20:10:00Z'),
  v('P3', '2026-10-25T08:00:00Z', ['G']),
  v('P3', '2026-10-25T15:00:00Z', [], null),
  v('P3', '2026-10-26T08:00:00Z', ['G']),
  v('P3', '2026-10-26T16:00:00Z', ['H']),
  // P4: eligible; K's visit on the 27th is after the period. 1 and 1.
  v('P4', '2026-10-24T09:00:00Z', ['J']),
  v('P4', '2026-10-24T14:00:00Z', ['J']),
  v('P4', '2026-10-25T09:00:00Z', ['J']),
  v('P4', '2026-10-25T14:00:00Z', ['J']),
  v('P4', '2026-10-26T09:00:00Z', ['J']),
  v('P4', '2026-10-26T14:00:00Z', ['J']),
  v('P4', '2026-10-27T11:00:00Z', ['K']),
  // P5: one visit a day only. Not eligible.
  v('P5', '2026-10-24T09:00:00Z', ['A']),
  v('P5', '2026-10-25T09:00:00Z', ['B']),
  v('P5', '2026-10-26T09:00:00Z', ['C']),
];

describe('continuityIndicator', () => {
  const result = continuityIndicator(visits, options);

  it('counts patients with two visits due 07–22 local on every day, across the clock change', () => {
    expect(result.patients).toEqual([
      { patientId: 'P1', daytime: 4, allHours: 6 },
      { patientId: 'P3', daytime: 2, allHours: 3 },
      { patientId: 'P4', daytime: 1, allHours: 1 },
    ]);
  });

  it('summarises the daytime and all-hours counts', () => {
    expect(result.daytime).toEqual({ patients: 3, median: 2, p90: 4, mean: 7 / 3, max: 4 });
    expect(result.allHours).toEqual({ patients: 3, median: 3, p90: 6, mean: 10 / 3, max: 6 });
  });

  it('takes the median of an even count as the mean of the middle two, p90 by nearest rank', () => {
    expect(summarise([10, 1, 3, 2])).toEqual({
      patients: 4,
      median: 2.5,
      p90: 10,
      mean: 4,
      max: 10,
    });
    expect(summarise([])).toEqual({ patients: 0, median: 0, p90: 0, mean: 0, max: 0 });
  });
});
