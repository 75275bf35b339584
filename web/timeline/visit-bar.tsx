import type { SVGAttributes } from 'preact';
import type { TimelineBar } from '../console/timeline/timeline-model.ts';
import type { VisitStatus } from '../console/types.ts';
import { t } from '../i18n/i18n.ts';
import { formatClock, formatWindow } from '../time/format.ts';
import { ROW_H } from './geometry.ts';
import { TravelBar } from './travel-bar.tsx';

/** Each status has its symbol on the bar, and its word in the bar's name. */
const ICON: Record<VisitStatus, string> = {
  unassigned: '○',
  assigned: '●',
  en_route: '➜',
  in_progress: '▶',
  done: '✓',
  cancelled: '–',
  no_access: '✕',
};

/**
 * A visit on its row: its time window as a band behind, the travel to it hatched before it,
 * and the bar itself, a button named in words (task, status, time, window, who, travel)
 * showing its status symbol and, where it fits, its start. What the button does (drag,
 * keys, focus) is the caller's, in `button`.
 */
export function VisitBar(props: {
  bar: TimelineBar;
  rowKey: string;
  /** The row's top. */
  y: number;
  x: (at: number) => number;
  /** The visit's tasks in words. */
  task: string;
  /** The row's name in words. */
  who: string;
  /** Minutes of travel drawn before it; 0: none. */
  travel: number;
  selected: boolean;
  /** The window band's least width, so a window of an instant still shows. */
  minWindowWidth?: number;
  button: Omit<SVGAttributes<SVGGElement>, 'class' | 'role' | 'tabIndex'>;
}) {
  const { bar, y, x, travel } = props;
  const v = bar.visit;
  const w = Math.max(14, x(bar.end) - x(bar.start));
  const label =
    t('timeline.bar', {
      task: props.task,
      status: t(`status.${v.status}`),
      time: formatClock(new Date(bar.start)),
      window: formatWindow(v.windowStart, v.windowEnd),
      who: props.who,
    }) + (travel > 0 ? t('timeline.barTravel', { minutes: travel }) : '');
  return (
    <g class={`tl-visit status-${v.status} prio-${v.priority}`}>
      <rect
        class="window-band"
        x={x(Date.parse(v.windowStart))}
        y={y + 6}
        width={Math.max(
          props.minWindowWidth ?? 0,
          x(Date.parse(v.windowEnd)) - x(Date.parse(v.windowStart)),
        )}
        height={ROW_H - 12}
        aria-hidden="true"
      />
      {travel > 0 && <TravelBar start={bar.start} minutes={travel} y={y} x={x} />}
      <g
        class={props.selected ? 'bar selected' : 'bar'}
        role="button"
        tabIndex={0}
        aria-label={label}
        data-visit={v.id}
        data-row={props.rowKey}
        {...props.button}
      >
        <rect class="bar-box" x={x(bar.start)} y={y + 10} width={w} height={ROW_H - 20} rx={3} />
        <text class="bar-text" x={x(bar.start) + 3} y={y + 27} aria-hidden="true">
          {ICON[v.status]}
          {w > 70 ? ` ${formatClock(new Date(bar.start))}` : ''}
        </text>
      </g>
    </g>
  );
}
