import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { formatClock, formatWindow } from '../../time/format.ts';
import { now } from '../../time/now.ts';
import type { ConsoleStore } from '../store.ts';
import type { VisitStatus } from '../types.ts';
import { MoveDialog, type MoveRequest } from './move-dialog.tsx';
import { type TimelineBar, type TimelineRow, buildTimeline, hourTicks } from './timeline-model.ts';
import './timeline.css';

const LABEL_W = 200;
const AXIS_H = 26;
const ROW_H = 44;
const DRAG_PX = 6;

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
 * top, each visit a bar at its planned start with its time window as a band behind it, and
 * the now line. A bar is a button: drag it to another row, or focus it and press
 * "Flytta till…"; both open the same confirmation. Travel and breaks are not drawn: the
 * snapshot carries neither.
 */
export function TimelinePanel({
  store,
  names,
}: {
  store: ConsoleStore;
  names: ReadonlyMap<string, string>;
}) {
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useSignal(900);
  const selected = useSignal<{ visitId: string; rowKey: string } | null>(null);
  const drag = useSignal<Drag | null>(null);
  const request = useSignal<MoveRequest | null>(null);
  const said = useSignal('');

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const seen = new ResizeObserver(() => (width.value = Math.max(600, el.clientWidth - 2)));
    seen.observe(el);
    return () => seen.disconnect();
  }, []);

  const nowAt = now.value;
  const tl = buildTimeline(store.shifts.value, store.visits.value.values(), nowAt);
  const span = tl.to - tl.from;
  const plot = width.value - LABEL_W - 8;
  const x = (at: number) => LABEL_W + ((at - tl.from) / span) * plot;
  const height = AXIS_H + tl.rows.length * ROW_H;
  const step = span / 3_600_000 > 12 ? 2 : 1;
  const nameOf = (id: string) => names.get(id) ?? id;
  const task = (b: TimelineBar) => b.visit.taskTypes.map((x) => t(`task.${x}`)).join(', ');

  const sel = selected.value;
  const selRow = sel && tl.rows.find((r) => r.key === sel.rowKey);
  const selBar = selRow?.bars.find((b) => b.visit.id === sel!.visitId);
  const ask = (bar: TimelineBar, row: TimelineRow, to: string | null) =>
    (request.value = { visit: bar.visit, from: row.shift ? row.key : null, to });

  const rowAt = (clientY: number): TimelineRow | undefined => {
    const top = svg.current?.getBoundingClientRect().top ?? 0;
    return tl.rows[Math.floor((clientY - top - AXIS_H) / ROW_H)];
  };

  return (
    <section class="timeline-panel" aria-labelledby="timeline-title">
      <div class="timeline-head">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <p class="timeline-now">
          <span aria-hidden="true" class="now-key" />{' '}
          {t('timeline.now', { time: formatClock(new Date(nowAt)) })}
        </p>
        <p class="timeline-hint">{t('timeline.hint')}</p>
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
      <div class="timeline-said" role="status">
        {said.value}
      </div>
      {tl.total > tl.rows.length - 1 && (
        <p class="muted">{t('timeline.more', { shown: tl.rows.length - 1, total: tl.total })}</p>
      )}
      <div class="timeline-scroll" ref={wrap}>
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
          {hourTicks(tl.from, tl.to, step).map((at) => (
            <g key={at} aria-hidden="true">
              <line class="tick" x1={x(at)} x2={x(at)} y1={AXIS_H - 4} y2={height} />
              {x(at) < width.value - 40 && (
                <text class="tick-label" x={x(at) + 3} y={16}>
                  {formatClock(new Date(at))}
                </text>
              )}
            </g>
          ))}
          {tl.rows.map((row, i) => {
            const y = AXIS_H + i * ROW_H;
            const target = drag.value?.moving && rowAt(drag.value.y0 + drag.value.dy) === row;
            return (
              <g key={row.key} class={target ? 'tl-row drop' : 'tl-row'}>
                <rect
                  class="row-bg"
                  x={0}
                  y={y}
                  width={width.value}
                  height={ROW_H}
                  aria-hidden="true"
                />
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
                  {row.shift ? row.shift.name : t('timeline.unassigned')}
                </text>
                <text class="row-sub" x={8} y={y + 35}>
                  {row.shift
                    ? `${t(`profession.${row.shift.profession}`)} ${formatWindow(row.shift.startsAt, row.shift.endsAt)}`
                    : t('timeline.unassignedCount', { count: row.bars.length })}
                </text>
                {row.bars.map((bar) => {
                  const v = bar.visit;
                  const w = Math.max(14, x(bar.end) - x(bar.start));
                  const dragging = drag.value?.moving && drag.value.bar === bar;
                  const isSel = sel?.visitId === v.id && sel.rowKey === row.key;
                  const label = t('timeline.bar', {
                    task: task(bar),
                    status: t(`status.${v.status}`),
                    time: formatClock(new Date(bar.start)),
                    window: formatWindow(v.windowStart, v.windowEnd),
                    who: row.shift ? row.shift.name : t('timeline.unassigned'),
                  });
                  return (
                    <g key={v.id} class={`tl-visit status-${v.status} prio-${v.priority}`}>
                      <rect
                        class="window-band"
                        x={x(Date.parse(v.windowStart))}
                        y={y + 6}
                        width={x(Date.parse(v.windowEnd)) - x(Date.parse(v.windowStart))}
                        height={ROW_H - 12}
                        aria-hidden="true"
                      />
                      <g
                        class={isSel ? 'bar selected' : 'bar'}
                        role="button"
                        tabIndex={0}
                        aria-label={label}
                        data-visit={v.id}
                        transform={dragging ? `translate(0 ${drag.value!.dy})` : undefined}
                        onFocus={() => (selected.value = { visitId: v.id, rowKey: row.key })}
                        onPointerDown={(e) => {
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
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            ask(bar, row, null);
                          }
                        }}
                      >
                        <rect
                          class="bar-box"
                          x={x(bar.start)}
                          y={y + 10}
                          width={w}
                          height={ROW_H - 20}
                          rx={3}
                        />
                        <text class="bar-text" x={x(bar.start) + 3} y={y + 27} aria-hidden="true">
                          {ICON[v.status]}
                          {w > 70 ? ` ${formatClock(new Date(bar.start))}` : ''}
                        </text>
                      </g>
                    </g>
                  );
                })}
              </g>
            );
          })}
          {nowAt >= tl.from && nowAt <= tl.to && (
            <g class="now" aria-hidden="true">
              <line x1={x(nowAt)} x2={x(nowAt)} y1={AXIS_H - 6} y2={height} />
            </g>
          )}
        </svg>
      </div>
      <MoveDialog
        store={store}
        request={request}
        nameOf={nameOf}
        onDone={(m) => (said.value = m)}
      />
    </section>
  );
}
