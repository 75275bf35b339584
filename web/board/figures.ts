/**
 * Each figure of the board: its unit, which way is better, how its days add up to a week, and
 * how its number is written (shares as per cent, minutes and hours with their unit).
 */
import { t } from '../i18n/i18n.ts';
import { lang } from '../i18n/i18n.ts';
import type { FigureId } from './board-types.ts';
import type { Better } from './trend.ts';
import type { Aggregate } from './trend-series.ts';

export type Unit = 'share' | 'caregivers' | 'minutes' | 'hours' | 'visits' | 'perDay' | 'km';

export interface Figure {
  unit: Unit;
  better: Better;
  aggregate: Aggregate;
  /** A key of the help text under the tile's figure. */
  help?: Parameters<typeof t>[0];
}

export const FIGURES: Record<FigureId, Figure> = {
  // Fewer distinct caregivers is better continuity.
  continuityKolada: {
    unit: 'caregivers',
    better: 'lower',
    aggregate: 'mean',
    help: 'board.help.continuityKolada',
  },
  continuityAll: {
    unit: 'caregivers',
    better: 'lower',
    aggregate: 'mean',
    help: 'board.help.continuityAll',
  },
  contactShare: {
    unit: 'share',
    better: 'higher',
    aggregate: 'mean',
    help: 'board.help.contactShare',
  },
  punctuality: {
    unit: 'share',
    better: 'higher',
    aggregate: 'mean',
    help: 'board.help.punctuality',
  },
  urgent1: { unit: 'minutes', better: 'lower', aggregate: 'mean', help: 'board.help.urgent' },
  urgent2: { unit: 'minutes', better: 'lower', aggregate: 'mean', help: 'board.help.urgent' },
  travelShare: {
    unit: 'share',
    better: 'lower',
    aggregate: 'mean',
    help: 'board.help.travelShare',
  },
  utilisation: {
    unit: 'share',
    better: 'neither',
    aggregate: 'mean',
    help: 'board.help.utilisation',
  },
  overtime: { unit: 'hours', better: 'lower', aggregate: 'sum', help: 'board.help.overtime' },
  visitsDone: { unit: 'visits', better: 'neither', aggregate: 'sum' },
  missed: { unit: 'visits', better: 'lower', aggregate: 'sum', help: 'board.help.missed' },
  arrivals: { unit: 'perDay', better: 'lower', aggregate: 'mean', help: 'board.help.arrivals' },
  twoPerson: { unit: 'share', better: 'higher', aggregate: 'mean', help: 'board.help.twoPerson' },
  overrun: { unit: 'minutes', better: 'lower', aggregate: 'mean' },
  travelMinutes: { unit: 'minutes', better: 'lower', aggregate: 'mean' },
};

export const figureName = (id: FigureId): string => t(`board.fig.${id}`);

const locale = () => (lang.value === 'en' ? 'en-GB' : 'sv-SE');

/** The number alone: "87", "14,5", "1 204". */
export function formatNumber(value: number, unit: Unit): string {
  const digits = unit === 'share' || unit === 'visits' || unit === 'km' ? 0 : 1;
  const shown = unit === 'share' ? value * 100 : value;
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(shown);
}

/** The unit's word: "%", "min", "medarbetare"… */
export function unitText(unit: Unit): string {
  if (unit === 'share') return '%';
  return t(`board.unit.${unit}`);
}

/** Number and unit: "87 %", "23 min", "14 medarbetare"; a dash-free "inga uppgifter" for null. */
export function formatFigure(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return t('board.noData');
  return `${formatNumber(value, unit)} ${unitText(unit)}`;
}

/**
 * A tile's minutes as people read them at a glance: whole minutes, and from an hour and a half
 * hours and minutes ("2 tim 23 min", not "142,9 min"; "60 min" stays). Parts of [number, unit]
 * for the tile's two sizes.
 */
export function minuteParts(value: number): [string, string][] {
  const whole = Math.round(value);
  const minutes = [String(Math.abs(whole) % 60), unitText('minutes')] as [string, string];
  if (Math.abs(whole) < 90) return [[String(whole), unitText('minutes')]];
  const hours = `${whole < 0 ? '−' : ''}${Math.floor(Math.abs(whole) / 60)}`;
  return [[hours, unitText('hours')], minutes];
}

/** minuteParts as one string: "2 tim 23 min". */
export const formatMinutes = (value: number): string =>
  minuteParts(value)
    .map(([n, u]) => `${n} ${u}`)
    .join(' ');
