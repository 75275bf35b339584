/**
 * The comparison's figures as table rows: each with its value now and in the proposal, the
 * difference and whether it is better or worse, in words (never colour alone). Pure, so the
 * formatting is tested in Node.
 */
import type { Schemas } from '../../api/client.ts';
import { type MessageKey, lang, t } from '../../i18n/i18n.ts';

export type Comparison = Schemas['PlanningComparison'];
type Metrics = Schemas['PlanMetrics'];

/** 'unequal': a figure that grows with the visits placed moved the same way as their number. */
export type Verdict = 'better' | 'worse' | 'same' | 'unequal';

export interface ComparisonRow {
  key: string;
  label: string;
  current: string;
  proposed: string;
  diff: string;
  /** Null where neither way is better (the spread of working minutes on its own). */
  verdict: Verdict | null;
}

type Unit = 'min' | 'share' | 'count' | 'decimal';
/** Which way is better: fewer, more, or neither. */
type Better = 'lower' | 'higher' | null;

interface Figure {
  key: string;
  label: MessageKey;
  unit: Unit;
  better: Better;
  /** Grows with the number of visits placed: more travel is no worse when it buys more visits. */
  perVolume?: true;
  of: (m: Metrics) => number | null;
}

const FIGURES: Figure[] = [
  {
    key: 'travel',
    perVolume: true,
    label: 'compare.travel',
    unit: 'min',
    better: 'lower',
    of: (m) => m.travelMinutes,
  },
  {
    key: 'travelShare',
    label: 'compare.travelShare',
    unit: 'share',
    better: 'lower',
    of: (m) => m.travelShare,
  },
  {
    key: 'cppDayMedian',
    label: 'compare.cppDayMedian',
    unit: 'decimal',
    better: 'lower',
    of: (m) => m.caregiversPerPatient.day.median,
  },
  {
    key: 'cppDayMean',
    label: 'compare.cppDayMean',
    unit: 'decimal',
    better: 'lower',
    of: (m) => m.caregiversPerPatient.day.mean,
  },
  {
    key: 'cppDayMax',
    label: 'compare.cppDayMax',
    unit: 'count',
    better: 'lower',
    of: (m) => m.caregiversPerPatient.day.max,
  },
  {
    key: 'cpp14Median',
    label: 'compare.cpp14Median',
    unit: 'decimal',
    better: 'lower',
    of: (m) => m.caregiversPerPatient.withHistory.median,
  },
  {
    key: 'cpp14Mean',
    label: 'compare.cpp14Mean',
    unit: 'decimal',
    better: 'lower',
    of: (m) => m.caregiversPerPatient.withHistory.mean,
  },
  {
    key: 'cpp14Max',
    label: 'compare.cpp14Max',
    unit: 'count',
    better: 'lower',
    of: (m) => m.caregiversPerPatient.withHistory.max,
  },
  {
    key: 'contactShare',
    label: 'compare.contactShare',
    unit: 'share',
    better: 'higher',
    of: (m) => m.contactShare,
  },
  {
    key: 'arrivalsMean',
    perVolume: true,
    label: 'compare.arrivalsMean',
    unit: 'decimal',
    better: 'lower',
    of: (m) => m.arrivals.perPatient.mean,
  },
  {
    key: 'arrivalsMax',
    perVolume: true,
    label: 'compare.arrivalsMax',
    unit: 'count',
    better: 'lower',
    of: (m) => m.arrivals.perPatient.max,
  },
  {
    key: 'lateMinutes',
    perVolume: true,
    label: 'compare.lateMinutes',
    unit: 'min',
    better: 'lower',
    of: (m) => m.lateness.totalMinutes,
  },
  {
    key: 'lateVisits',
    perVolume: true,
    label: 'compare.lateVisits',
    unit: 'count',
    better: 'lower',
    of: (m) => m.lateness.lateVisits,
  },
  {
    key: 'overtime',
    perVolume: true,
    label: 'compare.overtime',
    unit: 'min',
    better: 'lower',
    of: (m) => m.overtime.totalMinutes,
  },
  {
    key: 'workMin',
    label: 'compare.workMin',
    unit: 'min',
    better: null,
    of: (m) => m.workload.minMinutes,
  },
  {
    key: 'workMedian',
    label: 'compare.workMedian',
    unit: 'min',
    better: null,
    of: (m) => m.workload.medianMinutes,
  },
  {
    key: 'workMax',
    label: 'compare.workMax',
    unit: 'min',
    better: null,
    of: (m) => m.workload.maxMinutes,
  },
  {
    key: 'workVariation',
    label: 'compare.workVariation',
    unit: 'decimal',
    better: 'lower',
    of: (m) => m.workload.variation,
  },
  {
    key: 'assigned',
    label: 'compare.assigned',
    unit: 'count',
    better: 'higher',
    of: (m) => m.assigned,
  },
  {
    key: 'unassigned',
    label: 'compare.unassigned',
    unit: 'count',
    better: 'lower',
    of: (m) => m.unassigned,
  },
];

export function comparisonRows(c: Comparison): ComparisonRow[] {
  const moreVisits = c.proposed.assigned - c.current.assigned;
  return FIGURES.map((f) => {
    const a = f.of(c.current);
    const b = f.of(c.proposed);
    // Such a figure rising with more visits placed (or falling with fewer) says nothing alone.
    const unequal =
      f.perVolume === true && a !== null && b !== null && Math.sign(b - a) * moreVisits > 0;
    return {
      key: f.key,
      label: t(f.label),
      current: formatValue(a, f.unit),
      proposed: formatValue(b, f.unit),
      diff: a === null || b === null ? '–' : formatDiff(b - a, f.unit),
      verdict: unequal
        ? 'unequal'
        : a === null || b === null || f.better === null
          ? null
          : verdictOf(b - a, f.better),
    };
  });
}

function verdictOf(delta: number, better: 'lower' | 'higher'): Verdict {
  if (Math.abs(delta) < 1e-9) return 'same';
  return delta < 0 === (better === 'lower') ? 'better' : 'worse';
}

const number = (x: number, digits: number) =>
  new Intl.NumberFormat(lang.value === 'sv' ? 'sv-SE' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(x);

export function formatValue(x: number | null, unit: Unit): string {
  if (x === null) return '–';
  if (unit === 'min') return t('compare.minutes', { n: number(x, 0) });
  if (unit === 'share') return t('compare.percent', { n: number(x * 100, 0) });
  return number(x, unit === 'decimal' ? 2 : 0);
}

/** Signed; a share's difference in percentage points. The minus is a real minus sign. */
export function formatDiff(delta: number, unit: Unit): string {
  if (Math.abs(delta) < 1e-9) return '±0';
  const sign = delta > 0 ? '+' : '−';
  const size = Math.abs(delta);
  if (unit === 'min') return sign + t('compare.minutes', { n: number(size, 0) });
  if (unit === 'share') return sign + t('compare.points', { n: number(size * 100, 0) });
  return sign + number(size, unit === 'decimal' ? 2 : 0);
}
