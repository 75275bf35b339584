import { describe, expect, it } from 'vitest';
import type { WireFigures, WireTrendDay } from '../../../web/board/board-wire.ts';
import { boardFigures, countyRows } from '../../../web/board/from-wire.ts';

const buckets = { early: 1, onTime: 8, late1to15: 1, late16to30: 0, late31to60: 0, lateOver60: 0 };

const figures = (patients: number): WireFigures => ({
  municipalityCode: '0180',
  teamId: null,
  period: { from: '2026-03-16', to: '2026-03-17', days: 2 },
  continuity: {
    window: { from: '2026-03-04', to: '2026-03-17' },
    overall: { patients, kolada: { median: 13, p90: 19 }, allHours: { median: 16, p90: 22 } },
    teams: [],
  },
  contactShare: { visits: 10, byContact: 6, share: 0.6 },
  punctuality: { started: 10, withinWindow: 8, share: 0.8, buckets },
  urgentResponse: [
    {
      priority: 'urgent1',
      registered: 3,
      reached: 3,
      medianMinutes: 34,
      p90Minutes: 58,
      targetMinutes: 60,
      withinTarget: 3,
    },
  ],
  outcomes: {
    visits: 14,
    done: 10,
    unplaced: 1,
    noAccess: 2,
    cancelled: 1,
    twoPerson: { done: 4, together: 3 },
    arrivalsPerPatientDay: 2.5,
  },
  workingTime: {
    shifts: 2,
    shiftHours: 16,
    visitHours: 9.6,
    travelHours: 3.2,
    utilisation: 0.6,
    travelShare: 0.2,
    overtimeHours: 0.5,
    shiftsOverrun: 1,
  },
  plannedActual: {
    visits: 10,
    plannedMinutes: { mean: 30 },
    actualMinutes: { mean: 32, median: 31 },
    overrunMinutes: { median: 2, p90: 9 },
    travelMinutes: { mean: 12, median: 11 },
    plannedTravelMinutes: { mean: 9 },
    travelOverrunMinutes: { visits: 8, median: 2.5, p90: 7 },
  },
});

const day = (d: string, done: number, punctualityShare: number | null): WireTrendDay => ({
  day: d,
  visits: done,
  done,
  unplaced: 1,
  noAccess: 0,
  cancelled: 0,
  arrivalsPerPatientDay: null,
  punctualityShare,
  contactShare: null,
  urgent1MedianMinutes: null,
  urgent2MedianMinutes: null,
  utilisation: null,
  travelShare: null,
  overtimeHours: 0,
  continuityPatients: done > 2 ? 3 : 0,
  continuityKoladaMedian: done > 2 ? 14 : null,
});

describe("the API's figures as the board shows them", () => {
  it('takes the period values, with p90, target and calls within it beside, missed visits summed', () => {
    const f = boardFigures(figures(20), []);
    expect(f.values.continuityKolada).toBe(13);
    expect(f.extra.continuityKolada).toEqual({ p90: 19 });
    expect(f.values.punctuality).toBe(0.8);
    expect(f.values.missed).toBe(4);
    expect(f.values.twoPerson).toBe(0.75);
    expect(f.values.urgent1).toBe(34);
    expect(f.extra.urgent1).toEqual({ p90: 58, target: 60, within: 3, of: 3 });
    expect(f.values.urgent2).toBeNull();
    expect(f.lateness).toEqual(buckets);
    expect(f.plannedActual).toEqual([
      {
        kind: 'visitTime',
        plannedMean: 30,
        actualMean: 32,
        actualMedian: 31,
        diffMedian: 2,
        diffP90: 9,
        visits: 10,
      },
      {
        kind: 'travel',
        plannedMean: 9,
        actualMean: 12,
        actualMedian: 11,
        diffMedian: 2.5,
        diffP90: 7,
        visits: 8,
      },
    ]);
  });

  it('shows no continuity where no patient counts, rather than a median of 0', () => {
    expect(boardFigures(figures(0), []).values.continuityKolada).toBeNull();
    const rows = countyRows([
      {
        municipalityCode: '0181',
        name: 'Sollentuna',
        continuityPatients: 0,
        continuityKoladaMedian: 0,
        continuityAllHoursMedian: 0,
        contactShare: null,
        punctualityShare: 1,
        urgent1MedianMinutes: null,
        visits: 5,
        done: 4,
        unplaced: 1,
        noAccess: 0,
        cancelled: 0,
        travelShare: 0.25,
        utilisation: 0.5,
      },
    ]);
    expect(rows[0]).toMatchObject({ code: '0181', name: 'Sollentuna' });
    expect(rows[0]!.values).toMatchObject({ continuityKolada: null, punctuality: 1, missed: 1 });
  });

  it("weighs each day's punctuality by its visits done (for the tiles' trend words)", () => {
    const f = boardFigures(figures(20), [day('2026-03-16', 2, 0.5), day('2026-03-17', 8, 0.75)]);
    expect(f.days.punctuality).toEqual([
      { day: '2026-03-16', value: 0.5, weight: 2 },
      { day: '2026-03-17', value: 0.75, weight: 8 },
    ]);
    expect(f.days.missed!.map((p) => p.value)).toEqual([1, 1]);
  });

  it('takes the continuity of the 14 days ending each day, weighed by the patients who count', () => {
    const f = boardFigures(figures(20), [day('2026-03-16', 2, 0.5), day('2026-03-17', 8, 0.75)]);
    expect(f.days.continuityKolada).toEqual([
      { day: '2026-03-16', value: null, weight: 0 },
      { day: '2026-03-17', value: 14, weight: 3 },
    ]);
  });
});
