import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { api, type Schemas } from '../../api/client.ts';
import { type MessageKey, t } from '../../i18n/i18n.ts';
import { formatClock, formatWindow } from '../../time/format.ts';
import type { ConsoleStore } from '../store.ts';
import { RepairDetails, type ReviewVisit } from './repair-details.ts';
import { type RowState, rowState } from './sick-rules.ts';

type Proposal = Schemas['RepairProposal'];
type Proposed = Proposal['assignments'][number];
type Notice = { kind: 'ok' | 'error'; text: string } | null;

const tasks = (v: ReviewVisit | undefined) =>
  v ? v.taskTypes.map((task) => t(`task.${task}`)).join(', ') : t('sick.unknownVisit');

const STATE_WORD: Record<RowState, MessageKey> = {
  open: 'sick.stateOpen',
  accepted: 'sick.stateAccepted',
  changed: 'sick.stateChanged',
};
const STATE_SYMBOL: Record<RowState, string> = { open: '○', accepted: '✓', changed: '⚠' };

/**
 * The proposed repair as a table to scan (who takes which visit, when, where) with a
 * checkbox per visit, and the visits left unplaced with their reason. Rows follow the live
 * feed: one accepted (here or elsewhere) or changed since the proposal cannot be chosen.
 */
export function RepairReview({
  proposal,
  store,
  released,
}: {
  proposal: Proposal;
  store: ConsoleStore;
  /** The visits the sick call took off this caregiver: they had them until now. */
  released: { visitIds: ReadonlySet<string>; staffId: string };
}) {
  const details = useMemo(() => new RepairDetails(store), [store]);
  /** Visit states the accept call answered (ahead of their events, or a 409's current). */
  const answered = useSignal<ReadonlyMap<string, ReviewVisit>>(new Map());
  const selected = useSignal<ReadonlySet<string>>(
    new Set(proposal.assignments.map((a) => a.visitId)),
  );
  const busy = useSignal(false);
  const notice = useSignal<Notice>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const names = useComputed(
    () => new Map(store.shifts.value.map((s) => [s.staffId, s.name] as const)),
  );

  useEffect(() => {
    void details.load([
      ...proposal.assignments.map((a) => a.visitId),
      ...proposal.unplaced.map((u) => u.visitId),
    ]);
  }, [proposal.id]);
  useEffect(() => noticeRef.current?.focus(), [notice.value]);

  /** The newest state known of a visit: the store's or the accept call's answer. */
  const latest = (id: string): ReviewVisit | undefined => {
    const a = details.visit(id);
    const b = answered.value.get(id);
    return !a || (b && b.version > a.version) ? b : a;
  };
  const rows = proposal.assignments.map((p) => ({ p, state: rowState(p, latest(p.visitId)) }));
  const open = rows.filter((r) => r.state === 'open').map((r) => r.p.visitId);
  const chosen = open.filter((id) => selected.value.has(id));
  const releasedOpen = open.filter((id) => released.visitIds.has(id));
  const staffNames = (ids: readonly string[]) =>
    ids.map((id) => names.value.get(id) ?? '–').join(', ') || t('sick.nobody');

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected.value);
    if (on) next.add(id);
    else next.delete(id);
    selected.value = next;
  };

  const accept = async () => {
    if (chosen.length === 0 || busy.value) return;
    busy.value = true;
    notice.value = null;
    const { data, error, response } = await api.POST('/api/dispatch/repairs/{proposalId}/accept', {
      params: { path: { proposalId: proposal.id } },
      body: { visitIds: chosen },
    });
    busy.value = false;
    if (data) {
      remember(data.accepted);
      const left = open.length - data.accepted.length;
      notice.value = {
        kind: 'ok',
        text: t('sick.acceptedCount', { count: data.accepted.length, left }),
      };
      return;
    }
    if (response.status === 409 && error && 'current' in error && error.current) {
      const current = error.current;
      remember([current]);
      toggle(current.id, false);
      const v = latest(current.id);
      const staff = current.assignees.map((a) => a.staffId);
      notice.value = {
        kind: 'error',
        text: t('sick.conflict', {
          task: tasks(v),
          time: formatWindow(current.windowStart, current.windowEnd),
          status: t(`status.${current.status}`),
          staff: staff.length ? ` – ${staffNames(staff)}` : '',
        }),
      };
      return;
    }
    const message = errorText(error);
    notice.value = {
      kind: 'error',
      text:
        response.status === 404
          ? t('sick.expired')
          : response.status === 409
            ? t('sick.conflictNoState', { message })
            : t('sick.rejected', { message }),
    };
  };

  const remember = (states: Schemas['VisitState'][]) => {
    const next = new Map(answered.value);
    for (const s of states) next.set(s.id, { ...s, assignees: s.assignees });
    answered.value = next;
  };

  return (
    <div class="repair">
      <p class="summary">
        {t('sick.proposalSummary', {
          placed: proposal.assignments.length,
          unplaced: proposal.unplaced.length,
        })}
        <br />
        {t('sick.expires', { time: formatClock(proposal.expiresAt) })}
      </p>
      {notice.value && (
        <p
          ref={noticeRef}
          tabIndex={-1}
          class={notice.value.kind === 'ok' ? 'repair-ok' : 'error repair-error'}
          role={notice.value.kind === 'ok' ? 'status' : 'alert'}
        >
          <span aria-hidden="true">{notice.value.kind === 'ok' ? '✓ ' : '⚠ '}</span>
          {notice.value.text}
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('sick.proposalEmpty')}</p>
      ) : (
        <table class="repair-table" aria-label={t('sick.proposalTitle')}>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('sick.selectAll')}
                  checked={open.length > 0 && chosen.length === open.length}
                  disabled={open.length === 0}
                  onChange={(e) =>
                    (selected.value = e.currentTarget.checked ? new Set(open) : new Set())
                  }
                />
              </th>
              <th scope="col">{t('sick.start')}</th>
              <th scope="col">{t('sick.task')}</th>
              <th scope="col">{t('sick.area')}</th>
              <th scope="col">{t('sick.previous')}</th>
              <th scope="col">{t('sick.caregiver')}</th>
              <th scope="col">{t('sick.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ p, state }) => (
              <ProposedRow
                key={p.visitId}
                p={p}
                state={state}
                visit={latest(p.visitId)}
                area={details.area(latest(p.visitId))}
                checked={state === 'open' && selected.value.has(p.visitId)}
                onToggle={(on) => toggle(p.visitId, on)}
                staffNames={staffNames}
                had={
                  p.previousStaffIds.length === 0 && released.visitIds.has(p.visitId)
                    ? [released.staffId]
                    : p.previousStaffIds
                }
              />
            ))}
          </tbody>
        </table>
      )}
      {rows.length > 0 && (
        <p class="repair-actions">
          <button
            type="button"
            class="primary"
            disabled={chosen.length === 0 || busy.value}
            onClick={accept}
          >
            {busy.value ? t('sick.accepting') : t('sick.accept', { count: chosen.length })}
          </button>
          {releasedOpen.length > 0 && releasedOpen.length < open.length && (
            <button type="button" onClick={() => (selected.value = new Set(releasedOpen))}>
              {t('sick.selectReleased', { count: releasedOpen.length })}
            </button>
          )}
        </p>
      )}
      {proposal.unplaced.length > 0 && (
        <>
          <h3 id="unplaced-title">{t('sick.unplacedTitle')}</h3>
          <table class="repair-table" aria-labelledby="unplaced-title">
            <thead>
              <tr>
                <th scope="col">{t('sick.window')}</th>
                <th scope="col">{t('sick.task')}</th>
                <th scope="col">{t('sick.area')}</th>
                <th scope="col">{t('sick.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.unplaced.map((u) => {
                const v = latest(u.visitId);
                return (
                  <tr key={u.visitId} data-visit={u.visitId}>
                    <td class="num">{v ? formatWindow(v.windowStart, v.windowEnd) : '–'}</td>
                    <td>{tasks(v)}</td>
                    <td>{details.area(v) ?? '–'}</td>
                    <td>{reasonText(u.reason)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

function ProposedRow(props: {
  p: Proposed;
  state: RowState;
  visit: ReviewVisit | undefined;
  area: string | undefined;
  checked: boolean;
  onToggle: (on: boolean) => void;
  staffNames: (ids: readonly string[]) => string;
  had: readonly string[];
}) {
  const { p, state, visit } = props;
  const time = formatClock(p.plannedStart);
  return (
    <tr data-visit={p.visitId} class={`repair-${state}`}>
      <td>
        <input
          type="checkbox"
          aria-label={t('sick.selectVisit', { task: tasks(visit), time })}
          checked={props.checked}
          disabled={state !== 'open'}
          onChange={(e) => props.onToggle(e.currentTarget.checked)}
        />
      </td>
      <td class="num">
        <strong>{time}</strong>
        {visit && (
          <span class="repair-window">{formatWindow(visit.windowStart, visit.windowEnd)}</span>
        )}
        {visit && Date.parse(p.plannedStart) > Date.parse(visit.windowEnd) && (
          <span class="repair-late">
            <span aria-hidden="true">⚠ </span>
            {t('sick.late')}
          </span>
        )}
      </td>
      <td>{tasks(visit)}</td>
      <td>{props.area ?? '–'}</td>
      <td>{props.staffNames(props.had)}</td>
      <td class="repair-to">{props.staffNames(p.staffIds)}</td>
      <td>
        <span class={`repair-state state-${state}`}>
          <span aria-hidden="true">{STATE_SYMBOL[state]} </span>
          {t(STATE_WORD[state])}
        </span>
      </td>
    </tr>
  );
}

const REASONS = new Set([
  'no_qualified_caregiver',
  'excluded_all',
  'time_window',
  'capacity',
  'sync_partner',
  'not_worth_it',
]);
function reasonText(reason: string): string {
  return REASONS.has(reason) ? t(`sick.reason.${reason}` as MessageKey) : reason || '–';
}

export function errorText(error: unknown): string {
  const e = (error as { error?: { message?: string; details?: { message: string }[] } }).error;
  if (!e) return '';
  const details = (e.details ?? []).map((d) => d.message).join('; ');
  return details ? `${e.message ?? ''} (${details})` : (e.message ?? '');
}
