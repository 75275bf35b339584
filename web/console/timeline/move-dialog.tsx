import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { now } from '../../time/now.ts';
import { formatClock, formatWindow } from '../../time/format.ts';
import type { ConsoleVisit, ShiftRow } from '../types.ts';
import { type AssignOutcome, assignVisit } from '../urgent/assign.ts';
import { ConflictNotice } from '../urgent/conflict-notice.tsx';

/** A move asked for: the visit, the row it was in (null: unassigned), the row wanted. */
export interface MoveRequest {
  visit: ConsoleVisit;
  from: string | null;
  to: string | null;
}

/** Who the visit goes to: the one moved from is swapped, a two-person partner stays. */
export function staffAfterMove(visit: ConsoleVisit, from: string | null, to: string): string[] {
  const others = visit.assignees.map((a) => a.staffId).filter((id) => id !== from && id !== to);
  return visit.staffCount > 1 ? [...others.slice(0, visit.staffCount - 1), to] : [to];
}

/**
 * The confirmation step of a move (drag or "Flytta till…"): names the visit, from whom, to
 * whom and the planned start; nothing is sent until Flytta is pressed; Escape cancels. The
 * bar moves when the live event arrives; a 409 shows the visit as it is now.
 */
export function MoveDialog({
  shifts,
  request,
  nameOf,
  onDone,
}: {
  /** The shifts of the day shown: whom a visit can go to. */
  shifts: readonly ShiftRow[];
  request: Signal<MoveRequest | null>;
  nameOf: (id: string) => string;
  onDone: (message: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const to = useSignal('');
  const working = useSignal(false);
  const outcome = useSignal<AssignOutcome | null>(null);
  const r = request.value;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (r && !d.open) {
      to.value = r.to ?? '';
      outcome.value = null;
      working.value = false;
      d.showModal();
    } else if (!r && d.open) d.close();
  }, [r]);

  const close = () => (request.value = null);
  // The visit as the dispatcher saw it when asking: its version goes with the command, so a
  // change made meanwhile comes back as a 409 to look at, not a move made blind.
  const visit = r?.visit ?? null;
  const planned =
    visit && r?.from
      ? visit.assignees.find((a) => a.staffId === r.from)?.plannedStart
      : visit
        ? new Date(Math.max(Date.parse(visit.windowStart), now.value)).toISOString()
        : undefined;
  const task = visit ? visit.taskTypes.map((x) => t(`task.${x}`)).join(', ') : '';
  const choices = shifts.filter(
    (s, i, all) => s.staffId !== r?.from && all.findIndex((o) => o.staffId === s.staffId) === i,
  );

  const send = async (version: number) => {
    if (!r || !visit || !to.value) return;
    working.value = true;
    const result = await assignVisit(
      visit.id,
      staffAfterMove(visit, r.from, to.value),
      version,
      r.from ? planned : undefined,
    );
    working.value = false;
    if (result.kind === 'assigned') {
      onDone(t('timeline.moved', { task, name: nameOf(to.value) }));
      close();
    } else outcome.value = result;
  };

  const o = outcome.value;
  return (
    <dialog ref={dialog} class="move-dialog" aria-labelledby="move-title" onClose={close}>
      {r && visit && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void send(visit.version);
          }}
        >
          <h2 id="move-title">{t('timeline.moveTitle')}</h2>
          <dl class="move-facts">
            <dt>{t('timeline.visit')}</dt>
            <dd>
              {task} · {formatWindow(visit.windowStart, visit.windowEnd)} ·{' '}
              {t(`status.${visit.status}`)}
            </dd>
            <dt>{t('timeline.from')}</dt>
            <dd>{r.from ? nameOf(r.from) : t('timeline.unassigned')}</dd>
            <dt>{t('timeline.start')}</dt>
            <dd>{planned ? formatClock(planned) : '–'}</dd>
          </dl>
          <label class="move-to">
            {t('timeline.to')}
            <select
              value={to.value}
              onChange={(e) => (to.value = (e.target as HTMLSelectElement).value)}
              required
            >
              <option value="">{t('timeline.pick')}</option>
              {choices.map((s) => (
                <option key={s.staffId} value={s.staffId}>
                  {s.name} ({t(`profession.${s.profession}`)})
                </option>
              ))}
            </select>
          </label>
          {o?.kind === 'conflict' && (
            <div role="alert">
              <ConflictNotice
                current={o.current}
                message={o.message}
                tried={[nameOf(to.value)]}
                nameOf={nameOf}
                onRedo={(version) => void send(version)}
                onReload={close}
              />
            </div>
          )}
          {o?.kind === 'refused' && (
            <p role="alert" class="move-refused">
              {t('timeline.refused', { message: o.message })}
            </p>
          )}
          <p class="dialog-actions">
            <button type="button" onClick={close}>
              {t('timeline.cancel')}
            </button>
            <button type="submit" class="primary" disabled={working.value || !to.value}>
              {working.value ? t('timeline.sending') : t('timeline.confirm')}
            </button>
          </p>
        </form>
      )}
    </dialog>
  );
}
