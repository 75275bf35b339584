import type { ComponentChildren } from 'preact';
import type { TimelineRow as Row } from '../console/timeline/timeline-model.ts';
import { t } from '../i18n/i18n.ts';
import { formatWindow } from '../time/format.ts';
import { BreakBlock } from './break-block.tsx';
import { ROW_H } from './geometry.ts';

/**
 * One row of a day timeline behind its visits: the band, the shift's span, the caregiver's
 * name with profession and hours (or the count of the visits on the top row), the breaks.
 * `children` are the row's visit bars; `drop` marks the row a moved visit would land on.
 */
export function TimelineRow(props: {
  row: Row;
  /** The row's top. */
  y: number;
  width: number;
  /** Instant (ms) → pixels. */
  x: (at: number) => number;
  /** The row's name in words: the caregiver, or what the top row holds. */
  who: string;
  drop: boolean;
  children: ComponentChildren;
}) {
  const { row, y, x, who } = props;
  return (
    <g class={props.drop ? 'tl-row drop' : 'tl-row'}>
      <rect class="row-bg" x={0} y={y} width={props.width} height={ROW_H} aria-hidden="true" />
      {row.shift && (
        <rect
          class="shift-span"
          x={x(Date.parse(row.shift.startsAt))}
          y={y + 3}
          width={x(Date.parse(row.shift.endsAt)) - x(Date.parse(row.shift.startsAt))}
          height={ROW_H - 6}
          aria-hidden="true"
        />
      )}
      <text class="row-name" x={8} y={y + 18}>
        {who}
      </text>
      <text class="row-sub" x={8} y={y + 35}>
        {row.shift
          ? `${t(`profession.${row.shift.profession}`)} ${formatWindow(row.shift.startsAt, row.shift.endsAt)}`
          : t('timeline.unassignedCount', { count: row.bars.length })}
      </text>
      {row.breaks.map((b) => (
        <BreakBlock key={`break-${b.start}`} b={b} y={y} rowHeight={ROW_H} x={x} who={who} />
      ))}
      {props.children}
    </g>
  );
}
