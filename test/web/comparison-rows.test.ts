import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../web/i18n/i18n.ts';
import {
  type Comparison,
  comparisonRows,
  formatDiff,
  formatValue,
} from '../../web/planner/comparison/comparison-rows.ts';

type Metrics = Comparison['current'];

const metrics = (over: Partial<Metrics> = {}): Metrics => ({
  visits: 10,
  assigned: 8,
  unassigned: 2,
  travelMinutes: 120,
  workingMinutes: 600,
  travelShare: 0.2,
  caregiversPerPatient: {
    patients: 4,
    day: { median: 2, mean: 2.25, max: 3 },
    withHistory: { median: 5.5, mean: 6, max: 9 },
  },
  contactShare: 0.5,
  contactVisits: 4,
  visitsWithContact: 8,
  arrivals: { total: 8, perPatient: { median: 2, mean: 2, max: 3 } },
  lateness: { totalMinutes: 15, lateVisits: 1 },
  overtime: { totalMinutes: 0, caregivers: 0 },
  workload: {
    caregivers: 3,
    minMinutes: 100,
    medianMinutes: 200,
    maxMinutes: 300,
    variation: 0.41,
  },
  ...over,
});

const comparison = (current: Metrics, proposed: Metrics): Comparison => ({
  jobId: 'j',
  municipality: '0180',
  serviceDate: '2026-11-24',
  teamId: null,
  current,
  proposed,
  unplaced: [],
});

afterEach(() => {
  lang.value = 'sv';
});

describe('the comparison table', () => {
  it('says which way each figure went, in words, fewer being better unless more is', () => {
    const rows = comparisonRows(
      comparison(
        metrics(),
        metrics({
          travelMinutes: 95,
          travelShare: 0.17,
          contactShare: 0.75,
          lateness: { totalMinutes: 25, lateVisits: 1 },
          assigned: 10,
          unassigned: 0,
        }),
      ),
    );
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.travel).toMatchObject({
      label: 'Restid',
      current: '120 min',
      proposed: '95 min',
      diff: '−25 min',
      verdict: 'better',
    });
    expect(by.travelShare).toMatchObject({
      current: '20 %',
      proposed: '17 %',
      diff: '−3 procentenheter',
      verdict: 'better',
    });
    // More visits by the contact is better; the same is unchanged. More lateness with two
    // more visits placed is neither: those visits may be the late ones.
    expect(by.contactShare).toMatchObject({ diff: '+25 procentenheter', verdict: 'better' });
    expect(by.lateMinutes).toMatchObject({ diff: '+10 min', verdict: 'unequal' });
    expect(by.lateVisits).toMatchObject({ diff: '±0', verdict: 'same' });
    expect(by.assigned).toMatchObject({ diff: '+2', verdict: 'better' });
    expect(by.unassigned).toMatchObject({ diff: '−2', verdict: 'better' });
    // Decimals the Swedish way; the working minutes alone have no better side.
    expect(by.cppDayMean).toMatchObject({ current: '2,25', diff: '±0' });
    expect(by.workMin.verdict).toBeNull();
    expect(rows).toHaveLength(20);
  });

  it('judges travel and arrivals only when the plans place as many visits, or the figure fell with more', () => {
    const now = metrics();
    const more = (over: Partial<Metrics>) => metrics({ assigned: 10, unassigned: 0, ...over });
    const verdict = (c: Comparison, key: string) =>
      comparisonRows(c).find((r) => r.key === key)?.verdict;
    const longer = { travelMinutes: 150 };
    const fewerArrivals = { arrivals: { total: 8, perPatient: { median: 2, mean: 1.8, max: 3 } } };
    expect(verdict(comparison(now, metrics(longer)), 'travel')).toBe('worse');
    expect(verdict(comparison(now, more(longer)), 'travel')).toBe('unequal');
    expect(verdict(comparison(more(longer), now), 'travel')).toBe('unequal');
    expect(verdict(comparison(more({}), now), 'travel')).toBe('same');
    expect(verdict(comparison(now, more(fewerArrivals)), 'arrivalsMean')).toBe('better');
    expect(verdict(comparison(more({}), metrics(fewerArrivals)), 'arrivalsMean')).toBe('unequal');
  });

  it('shows a figure with nothing to divide by as a dash, without a verdict', () => {
    const rows = comparisonRows(comparison(metrics({ contactShare: null }), metrics()));
    expect(rows.find((r) => r.key === 'contactShare')).toMatchObject({
      current: '–',
      proposed: '50 %',
      diff: '–',
      verdict: null,
    });
  });

  it('speaks English when asked', () => {
    lang.value = 'en';
    expect(formatValue(0.305, 'share')).toBe('31%');
    expect(formatValue(2.5, 'decimal')).toBe('2.5');
    expect(formatDiff(-0.05, 'share')).toBe('−5 percentage points');
    expect(comparisonRows(comparison(metrics(), metrics()))[0].label).toBe('Travel time');
  });
});
