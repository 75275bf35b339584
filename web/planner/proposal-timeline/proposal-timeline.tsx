import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { api } from '../../api/client.ts';
import {
  type TimelineBar,
  type TimelineRow,
  hourTicks,
  visibleRows,
} from '../../console/timeline/timeline-model.ts';
import { TimelineTable } from '../../console/timeline/timeline-table.tsx';
import '../../console/timeline/timeline.css';
import { t } from '../../i18n/i18n.ts';
import { formatClock, formatDayName } from '../../time/format.ts';
import { AXIS_H, DRAG_PX, MINUTE, ROW_H } from '../../timeline/geometry.ts';
import { TickLines, TimeAxis } from '../../timeline/time-axis.tsx';
import { TimelineRow as RowOfVisits } from '../../timeline/timeline-row.tsx';
import { VisitBar } from '../../timeline/visit-bar.tsx';
import { useViewSize } from '../../timeline/use-view-size.ts';
import { type DayVisit, type PlanningJob, errorText } from '../planner-types.ts';
import { MoveCost } from './move-cost.tsx';
import {
  type MovePreview,
  type MoveTarget,
  STEP_MS,
  moveBody,
  proposalTimeline,
  refusedRule,
  snap,
} from './proposal-model.ts';
import { useProposalRoutes } from './use-proposal-routes.ts';
import './proposal-timeline.css';

const LABEL_W = 190;

interface Drag {
  bar: TimelineBar;
  row: TimelineRow;
  x0: number;
  y0: number;
  moving: boolean;
}

/**
 * The proposal of a done job as a timeline per caregiver (the console's timeline pieces):
 * visits on their proposed starts with their windows behind, travel hatched before each,
 * breaks dotted, the unplaced visits on top; the same as a table. A visit can be moved by
 * dragging it, or by keyboard (Enter picks it, arrows move it, Enter drops, Escape cancels);
 * before it is dropped the server prices the move with the solver (cost delta by kind).
 */
export function ProposalTimeline(props: {
  job: PlanningJob;
  visits: ReadonlyMap<string, DayVisit>;
  names: ReadonlyMap<string, string>;
  onChanged: (job: PlanningJob) => void;
}) {
  const { job } = props;
  const { routes, failed } = useProposalRoutes(job.id, JSON.stringify(job.result?.summary));
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const { width, viewH } = useViewSize(wrap, { width: 1000, height: 480 }, [routes.value !== null]);
  const scrollTop = useSignal(0);
  const drag = useSignal<Drag | null>(null);
  const target = useSignal<MoveTarget | null>(null);
  const keys = useSignal(false);
  const preview = useSignal<MovePreview | null>(null);
  const pricing = useSignal(false);
  const refused = useSignal('');
  const said = useSignal('');
  const asked = useRef(0);

  const tl = useMemo(
    () => (routes.value ? proposalTimeline(job, routes.value, props.visits, props.names) : null),
    [job, routes.value, props.visits, props.names],
  );

  // Each new target is priced by the server; only the latest answer counts.
  const key = target.value && JSON.stringify(target.value);
  useEffect(() => {
    const tg = target.value;
    preview.value = null;
    refused.value = '';
    if (!tg || tg.toKey === 'unassigned') return;
    const n = ++asked.current;
    pricing.value = true;
    const timer = setTimeout(async () => {
      const staffCount = props.visits.get(tg.visitId)?.staffCount ?? 1;
      const { data, error } = await api.POST('/api/planning/jobs/{id}/moves/preview', {
        params: { path: { id: job.id } },
        body: moveBody(tg, staffCount),
      });
      if (n !== asked.current) return;
      pricing.value = false;
      if (data) preview.value = data;
      else refused.value = refusal(errorText(error));
    }, 120);
    return () => clearTimeout(timer);
  }, [key]);

  if (failed.value) return <Card>{t('proposal.loadFailed', { message: failed.value })}</Card>;
  if (!tl) return <Card>{t('proposal.loading')}</Card>;

  const span = tl.to - tl.from;
  const plot = width.value - LABEL_W - 8;
  const x = (at: number) => LABEL_W + ((at - tl.from) / span) * plot;
  const height = tl.rows.length * ROW_H;
  const ticks = hourTicks(tl.from, tl.to, span / 3_600_000 > 12 ? 2 : 1);
  const view = visibleRows(scrollTop.value, viewH.value, ROW_H, AXIS_H, tl.rows.length);
  const task = (id: string) =>
    (props.visits.get(id)?.taskTypes ?? []).map((x) => t(`task.${x}`)).join(', ');
  const whoOf = (rowKey: string) =>
    tl.rows.find((r) => r.key === rowKey)?.shift?.name ?? t('proposal.unplacedRow');
  const rowIndex = (rowKey: string) => tl.rows.findIndex((r) => r.key === rowKey);

  const cancel = () => {
    if (target.value) said.value = t('proposal.cancelled');
    target.value = null;
    keys.value = false;
    drag.value = null;
  };
  const drop = async () => {
    const tg = target.value;
    if (!tg || tg.toKey === 'unassigned' || refused.value) return cancel();
    const staffCount = props.visits.get(tg.visitId)?.staffCount ?? 1;
    const { data, error } = await api.POST('/api/planning/jobs/{id}/moves', {
      params: { path: { id: job.id } },
      body: moveBody(tg, staffCount),
    });
    target.value = null;
    keys.value = false;
    if (!data) {
      said.value = t('proposal.refused', { message: refusal(errorText(error)) });
      return;
    }
    said.value = t('proposal.moved', {
      task: task(tg.visitId),
      who: whoOf(tg.toKey),
      time: formatClock(new Date(data.move.moved.start)),
    });
    props.onChanged(data.job);
  };
  const pick = (bar: TimelineBar, row: TimelineRow) => {
    keys.value = true;
    const to = row.shift ? row.key : (tl.rows.find((r) => r.shift)?.key ?? row.key);
    target.value = { visitId: bar.visit.id, fromKey: row.key, toKey: to, start: bar.start };
  };
  const onKey = (e: KeyboardEvent, bar: TimelineBar, row: TimelineRow) => {
    const tg = target.value;
    if (!keys.value || !tg) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        pick(bar, row);
      }
      return;
    }
    if (e.key === 'Escape') cancel();
    else if (e.key === 'Enter') void drop();
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const start = tg.start + (e.key === 'ArrowLeft' ? -STEP_MS : STEP_MS);
      target.value = { ...tg, start: Math.min(tl.to, Math.max(tl.from, start)) };
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const dir = e.key === 'ArrowUp' ? -1 : 1;
      for (let k = rowIndex(tg.toKey) + dir; k >= 0 && k < tl.rows.length; k += dir) {
        if (!tl.rows[k]!.shift) continue;
        target.value = { ...tg, toKey: tl.rows[k]!.key };
        break;
      }
    } else return;
    e.preventDefault();
  };
  const rowAt = (clientY: number) => {
    const top = svg.current?.getBoundingClientRect().top ?? 0;
    return tl.rows[Math.floor((clientY - top) / ROW_H)];
  };

  const tg = target.value;
  const ghost = tg && props.visits.get(tg.visitId);
  return (
    <Card>
      <p class="timeline-hint">{t('proposal.hint')}</p>
      <div class="proposal-status" role="status">
        {tg && (
          <p>
            {t('proposal.picked', {
              task: task(tg.visitId),
              who: whoOf(tg.toKey),
              time: formatClock(new Date(tg.start)),
            })}
          </p>
        )}
        {tg && pricing.value && <p class="muted">{t('proposal.pricing')}</p>}
        {tg && refused.value && (
          <p class="move-refused">
            <span aria-hidden="true">⚠ </span>
            {t('proposal.refused', { message: refused.value })}
          </p>
        )}
        {tg && preview.value && <MoveCost preview={preview.value} />}
        {!tg && said.value && <p>{said.value}</p>}
      </div>
      <div
        class="timeline-scroll proposal-scroll"
        ref={wrap}
        tabIndex={0}
        role="region"
        aria-label={t('proposal.rows')}
        onScroll={(e) => (scrollTop.value = (e.currentTarget as HTMLDivElement).scrollTop)}
      >
        <TimeAxis width={width.value} ticks={ticks} x={x} />
        <svg
          ref={svg}
          class="timeline"
          width={width.value}
          height={height}
          viewBox={`0 0 ${width.value} ${height}`}
          role="group"
          aria-label={t('proposal.rows')}
          onPointerMove={(e) => {
            const d = drag.value;
            if (!d) return;
            const moving = d.moving || Math.hypot(e.clientX - d.x0, e.clientY - d.y0) > DRAG_PX;
            if (!moving) return;
            if (!d.moving) drag.value = { ...d, moving };
            const row = rowAt(e.clientY);
            const start = snap(d.bar.start + ((e.clientX - d.x0) / plot) * span);
            const next = {
              visitId: d.bar.visit.id,
              fromKey: d.row.key,
              toKey: row?.key ?? d.row.key,
              start,
            };
            if (JSON.stringify(next) !== JSON.stringify(target.value)) target.value = next;
          }}
          onPointerUp={() => {
            const d = drag.value;
            drag.value = null;
            if (d?.moving) void drop();
          }}
          onPointerCancel={cancel}
        >
          <TickLines ticks={ticks} x={x} height={height} />
          {tl.rows.slice(view.first, view.last + 1).map((row, n) => {
            const y = (view.first + n) * ROW_H;
            const who = row.shift ? row.shift.name : t('proposal.unplacedRow');
            return (
              <RowOfVisits
                key={row.key}
                row={row}
                y={y}
                width={width.value}
                x={x}
                who={who}
                drop={tg?.toKey === row.key}
              >
                {row.bars.map((bar) => {
                  const v = bar.visit;
                  const moving = tg?.visitId === v.id && tg.fromKey === row.key;
                  return (
                    <VisitBar
                      key={v.id}
                      bar={bar}
                      rowKey={row.key}
                      y={y}
                      x={x}
                      task={task(v.id)}
                      who={who}
                      travel={row.shift ? (bar.travelMinutes ?? 0) : 0}
                      selected={moving}
                      minWindowWidth={2}
                      button={{
                        'aria-pressed': moving,
                        onPointerDown: (e) => {
                          if (e.button !== 0) return;
                          svg.current?.setPointerCapture(e.pointerId);
                          drag.value = { bar, row, x0: e.clientX, y0: e.clientY, moving: false };
                        },
                        onKeyDown: (e) => onKey(e, bar, row),
                        onBlur: () => {
                          if (keys.value && !svg.current?.contains(document.activeElement))
                            cancel();
                        },
                      }}
                    />
                  );
                })}
              </RowOfVisits>
            );
          })}
          {tg && ghost && rowIndex(tg.toKey) >= 0 && (
            <rect
              class={refused.value ? 'move-ghost refused' : 'move-ghost'}
              x={x(tg.start)}
              y={rowIndex(tg.toKey) * ROW_H + 8}
              width={Math.max(14, x(tg.start + ghost.durationMinutes * MINUTE) - x(tg.start))}
              height={ROW_H - 16}
              rx={3}
              aria-hidden="true"
            />
          )}
        </svg>
      </div>
      <TimelineTable
        rows={tl.rows}
        day={formatDayName(Date.parse(`${job.serviceDate}T11:00:00Z`))}
      />
    </Card>
  );
}

/** A refused move in words: the rule it names, else the server's message. */
function refusal(message: string): string {
  const rule = refusedRule(message);
  return rule ? t(`proposal.rule.${rule}`) : message;
}

function Card({ children }: { children: preact.ComponentChildren }) {
  return (
    <section class="planner-card proposal-timeline" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">{t('proposal.heading')}</h2>
      {children}
    </section>
  );
}
