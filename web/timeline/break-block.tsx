import { t } from '../i18n/i18n.ts';
import { formatWindow } from '../time/format.ts';
import type { TimelineBreak } from '../console/timeline/timeline-model.ts';

/**
 * A caregiver's break on their row: a dotted block named in words (time, length, who), with
 * "Rast" written inside only where it fits.
 */
export function BreakBlock({
  b,
  y,
  rowHeight,
  x,
  who,
}: {
  b: TimelineBreak;
  /** The row's top. */
  y: number;
  rowHeight: number;
  /** Instant (ms) → pixels. */
  x: (at: number) => number;
  who: string;
}) {
  const w = Math.max(4, x(b.end) - x(b.start));
  return (
    <g
      class="tl-break"
      role="img"
      aria-label={t('timeline.breakLabel', {
        time: formatWindow(new Date(b.start), new Date(b.end)),
        minutes: b.minutes,
        who,
      })}
    >
      <rect class="break-box" x={x(b.start)} y={y + 8} width={w} height={rowHeight - 16} rx={2} />
      {w > 34 && (
        <text class="break-text" x={x(b.start) + 3} y={y + 27} aria-hidden="true">
          {t('timeline.breakShort')}
        </text>
      )}
    </g>
  );
}
