import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { formatClock, formatDayName } from '../../time/format.ts';
import { now } from '../../time/now.ts';
import type { ConsoleStore } from '../store.ts';
import type { ShiftRow } from '../types.ts';
import { AXIS_H, DRAG_PX, ROW_H } from '../../timeline/geometry.ts';
import { TickLines, TimeAxis } from '../../timeline/time-axis.tsx';
import { TimelineRow as RowOfVisits } from '../../timeline/timeline-row.tsx';
import { VisitBar } from '../../timeline/visit-bar.tsx';
import { useViewSize } from '../../timeline/use-view-size.ts';
import { DayPicker } from './day-picker.tsx';
import { MoveDialog, type MoveRequest } from './move-dialog.tsx';
import {
  type DayOffset,
  ROW_CAP,
  type TimelineBar,
  type TimelineRow,
  buildTimeline,
  dayAt,
  dayVisits,
  hourTicks,
  isoDate,
  visibleRows,
} from './timeline-model.ts';
import { TimelineTable } from './timeline-table.tsx';
import { useDay } from './use-day.ts';
import './timeline.css';

const LABEL_W = 200;

interface Drag {
  bar: TimelineBar;
  row: TimelineRow;
  x0: number;
  y0: number;
  dy: number;
  moving: boolean;
}

/**
 * The day timeline (Tidslinje): a row per caregiver on shift and the unassigned visits on
 * top, each visit a bar at its planned start with its time window as a band behind it, the
 * travel to it a thin hatched bar before it, breaks dotted blocks named "Rast", and on
 * today the now line. Yesterday, today or tomorrow; today's visits and shifts come from the
 * live feed, travel, breaks and the other days from GET /api/dispatch/day-routes. Only the
 * rows in view are drawn. A bar is a button: drag it to another row, or focus it and press
 * "Flytta till…"; both open the same confirmation. Arrow keys move between bars and rows.
 */
export function TimelinePanel({
  store,
  names,
  code,
}: {
  store: ConsoleStore;
  names: ReadonlyMap<string, string>;
  code: string;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const { width, viewH } = useViewSize(wrap, { width: 900, height: 600 });
  const scrollTop = useSignal(0);
  const offset = useSignal<DayOffset>(0);
  const selected = useSignal<{ visitId: string; rowKey: string } | null>(null);
  const drag = useSignal<Drag | null>(null);
  const request = useSignal<MoveRequest | null>(null);
  const said = useSignal('');
  const wantFocus = useRef<{ visitId: string; rowKey: string } | null>(null);

  const nowAt = now.value;
  const day = dayAt(nowAt, offset.value);
  const dayIso = isoDate(day.from);
  const { answer, failed } = useDay(store, code, dayIso, offset.value === 0);
  const got = answer.value?.day === dayIso ? answer.value : null;
  const today = offset.value === 0;
  const shifts: readonly ShiftRow[] = today ? store.shifts.value : (got?.shifts ?? []);
  const liveVisits = store.visits.value;
  // Built again only when the day's data or the clock changes, not on every scroll frame.
  const tl = useMemo(() => {
    const visits = today ? liveVisits.values() : got ? dayVisits(got.visits, liveVisits) : [];
    return buildTimeline(shifts, visits, nowAt, ROW_CAP, { offset: offset.value, routes: got });
  }, [shifts, liveVisits, got, nowAt, offset.value]);
  const span = tl.to - tl.from;
  const plot = width.value - LABEL_W - 8;
  const x = (at: number) => LABEL_W + ((at - tl.from) / span) * plot;
  const height = tl.rows.length * ROW_H;
  const step = span / 3_600_000 > 12 ? 2 : 1;
  const nameOf = (id: string) => names.get(id) ?? shifts.find((s) => s.staffId === id)?.name ?? id;
  const task = (b: TimelineBar) => b.visit.taskTypes.map((x) => t(`task.${x}`)).join(', ');
  const view = visibleRows(scrollTop.value, viewH.value, ROW_H, AXIS_H, tl.rows.length);

  const sel = selected.value;
  const selRow = sel && tl.rows.find((r) => r.key === sel.rowKey);
  const selBar = selRow?.bars.find((b) => b.visit.id === sel!.visitId);
  const ask = (bar: TimelineBar, row: TimelineRow, to: string | null) =>
    (request.value = { visit: bar.visit, from: row.shift ? row.key : null, to });

  const rowAt = (clientY: number): TimelineRow | undefined => {
    const top = svg.current?.getBoundingClientRect().top ?? 0;
    return tl.rows[Math.floor((clientY - top) / ROW_H)];
  };

  /** Scrolls row `i` into view below the sticky axis. */
  const reveal = (i: number) => {
    const el = wrap.current;
    if (!el) return;
    const top = i * ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (AXIS_H + top + ROW_H > el.scrollTop + el.clientHeight)
      el.scrollTop = AXIS_H + top + ROW_H - el.clientHeight;
    scrollTop.value = el.scrollTop;
  };

  /** Focus a bar that may not be drawn yet: scroll to its row, focus once drawn. */
  const focusBar = (i: number, bar: TimelineBar) => {
    wantFocus.current = { visitId: bar.visit.id, rowKey: tl.rows[i]!.key };
    reveal(i);
    focusWanted();
  };
  const focusWanted = () => {
    const w = wantFocus.current;
    if (!w) return;
    const el = svg.current?.querySelector<SVGGElement>(
      `.bar[data-visit="${w.visitId}"][data-row="${w.rowKey}"]`,
    );
    if (!el) return;
    wantFocus.current = null;
    el.focus();
  };
  useEffect(focusWanted);

  const onArrow = (key: string, i: number, j: number): boolean => {
    const row = tl.rows[i]!;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const next = row.bars[j + (key === 'ArrowLeft' ? -1 : 1)];
      if (next) focusBar(i, next);
      return true;
    }
    if (key !== 'ArrowUp' && key !== 'ArrowDown') return false;
    const dir = key === 'ArrowUp' ? -1 : 1;
    const at = row.bars[j]!.start;
    for (let k = i + dir; k >= 0 && k < tl.rows.length; k += dir) {
      const bars = tl.rows[k]!.bars;
      if (bars.length === 0) continue;
      // The bar nearest in time to the one left.
      const near = bars.reduce((a, b) => (Math.abs(b.start - at) < Math.abs(a.start - at) ? b : a));
      focusBar(k, near);
      break;
    }
    return true;
  };

  const ticks = hourTicks(tl.from, tl.to, step);
  const showNow = today && nowAt >= tl.from && nowAt <= tl.to;
  const dayName = formatDayName(day.from);

  return (
    <section class="timeline-panel" aria-labelledby="timeline-title">
      <div class="timeline-head">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <DayPicker offset={offset} at={nowAt} />
        {today && (
          <p class="timeline-now">
            <span aria-hidden="true" class="now-key" />{' '}
            {t('timeline.now', { time: formatClock(new Date(nowAt)) })}
          </p>
        )}
        <div class="timeline-tools">
          <span class={selBar ? undefined : 'muted'}>
            {selBar
              ? t('timeline.selected', {
                  task: task(selBar),
                  time: formatClock(new Date(selBar.start)),
                })
              : t('timeline.none')}
          </span>
          <button
            type="button"
            disabled={!selBar || !selRow}
            onClick={() => selBar && selRow && ask(selBar, selRow, null)}
          >
            {t('timeline.move')}
          </button>
        </div>
      </div>
      <p class="timeline-hint">
        {t('timeline.hint')} {t('timeline.keysHint')}
      </p>
      <ul class="timeline-legend" aria-label={t('timeline.legend')}>
        <li>
          <svg width="26" height="12" aria-hidden="true">
            <rect width="26" height="12" fill="url(#tl-travel)" />
          </svg>
          {t('timeline.legendTravel')}
        </li>
        <li>
          <svg width="26" height="12" aria-hidden="true">
            <rect width="26" height="12" fill="url(#tl-break)" />
          </svg>
          {t('timeline.legendBreak')}
        </li>
        <li>
          <svg width="26" height="12" aria-hidden="true">
            <rect class="legend-window" width="26" height="12" />
          </svg>
          {t('timeline.legendWindow')}
        </li>
      </ul>
      <div class="timeline-said" role="status">
        {said.value}
      </div>
      {tl.total > tl.rows.length - 1 && (
        <p class="muted">{t('timeline.more', { shown: tl.rows.length - 1, total: tl.total })}</p>
      )}
      {!today && !got && (
        <p class={failed.value ? 'timeline-failed' : 'muted'} role="status">
          {failed.value ? t('timeline.loadFailed') : t('timeline.loading')}
        </p>
      )}
      <div
        class="timeline-scroll"
        ref={wrap}
        // Focusable, so the rows scroll from the keyboard too (the arrows move between bars).
        tabIndex={0}
        role="region"
        aria-label={t('timeline.rows')}
        onScroll={(e) => (scrollTop.value = (e.currentTarget as HTMLDivElement).scrollTop)}
      >
        <TimeAxis width={width.value} ticks={ticks} x={x}>
          {showNow && <path class="now-mark" d={`M${x(nowAt) - 5} 18 h10 l-5 7 z`} />}
        </TimeAxis>
        <svg
          ref={svg}
          class="timeline"
          width={width.value}
          height={height}
          viewBox={`0 0 ${width.value} ${height}`}
          role="group"
          aria-labelledby="timeline-title"
          onPointerMove={(e) => {
            const d = drag.value;
            if (!d) return;
            const dy = e.clientY - d.y0;
            const moving = d.moving || Math.hypot(e.clientX - d.x0, dy) > DRAG_PX;
            drag.value = { ...d, dy, moving };
          }}
          onPointerUp={(e) => {
            const d = drag.value;
            drag.value = null;
            if (!d?.moving) return;
            const target = rowAt(e.clientY);
            if (target?.shift && target.key !== d.row.key) ask(d.bar, d.row, target.key);
          }}
          onPointerCancel={() => (drag.value = null)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') drag.value = null; // a drag let go of with Escape
          }}
        >
          <TickLines ticks={ticks} x={x} height={height} />
          {tl.rows.slice(view.first, view.last + 1).map((row, n) => {
            const i = view.first + n;
            const y = i * ROW_H;
            const target = drag.value?.moving && rowAt(drag.value.y0 + drag.value.dy) === row;
            const who = row.shift ? row.shift.name : t('timeline.unassigned');
            return (
              <RowOfVisits
                key={row.key}
                row={row}
                y={y}
                width={width.value}
                x={x}
                who={who}
                drop={!!target}
              >
                {row.bars.map((bar, j) => {
                  const v = bar.visit;
                  const dragging = drag.value?.moving && drag.value.bar === bar;
                  return (
                    <VisitBar
                      key={v.id}
                      bar={bar}
                      rowKey={row.key}
                      y={y}
                      x={x}
                      task={task(bar)}
                      who={who}
                      travel={row.shift ? (bar.travelMinutes ?? 0) : 0}
                      selected={sel?.visitId === v.id && sel.rowKey === row.key}
                      button={{
                        transform: dragging ? `translate(0 ${drag.value!.dy})` : undefined,
                        onFocus: () => {
                          selected.value = { visitId: v.id, rowKey: row.key };
                          reveal(i);
                        },
                        onPointerDown: (e) => {
                          if (e.button !== 0) return;
                          selected.value = { visitId: v.id, rowKey: row.key };
                          // Released outside the chart still ends the drag here.
                          svg.current?.setPointerCapture(e.pointerId);
                          drag.value = {
                            bar,
                            row,
                            x0: e.clientX,
                            y0: e.clientY,
                            dy: 0,
                            moving: false,
                          };
                        },
                        onKeyDown: (e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            ask(bar, row, null);
                          } else if (onArrow(e.key, i, j)) e.preventDefault();
                        },
                      }}
                    />
                  );
                })}
              </RowOfVisits>
            );
          })}
          {showNow && (
            <g class="now" aria-hidden="true">
              <line x1={x(nowAt)} x2={x(nowAt)} y1={0} y2={height} />
            </g>
          )}
        </svg>
      </div>
      <TimelineTable rows={tl.rows} day={dayName} />
      <MoveDialog
        shifts={shifts}
        request={request}
        nameOf={nameOf}
        onDone={(m) => (said.value = m)}
      />
    </section>
  );
}
