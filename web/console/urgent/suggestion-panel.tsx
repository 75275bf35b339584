import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { formatWindow } from '../../time/format.ts';
import { type AssignOutcome, assignVisit } from './assign.ts';
import { ConflictNotice } from './conflict-notice.tsx';
import { SuggestionItem } from './suggestion-item.tsx';
import type { NoSuggestions, Suggestion, TargetVisit } from './suggestions.ts';

/**
 * The ranked caregivers for one visit and the assign command: one click or one key (1–5)
 * for a one-person visit; for a two-person visit the keys pick two, then one button sends.
 */
export function SuggestionPanel({
  visit,
  suggestions,
  noSuggestions,
  notice,
  names,
  seenVersion,
  onReload,
}: {
  visit: TargetVisit;
  suggestions: Suggestion[];
  /** Why nobody could take it, when the list is empty (the server's counts). */
  noSuggestions?: NoSuggestions;
  /** Said above the list (e.g. the ranking was busy). */
  notice?: string;
  names: ReadonlyMap<string, string>;
  /** The version of the visit the live queue has now (the command's result shows there). */
  seenVersion: () => number | undefined;
  /** Ask for fresh suggestions for this visit as it is now. */
  onReload: (visit: TargetVisit) => void;
}) {
  const picked = useSignal<readonly string[]>([]);
  const busy = useSignal(false);
  const outcome = useSignal<{ result: AssignOutcome; staffIds: string[] } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const two = visit.staffCount > 1;
  const nameOf = (id: string) =>
    suggestions.find((s) => s.staffId === id)?.name ?? names.get(id) ?? '–';

  useEffect(() => heading.current?.focus(), [visit]);

  const send = async (staffIds: string[], version: number) => {
    if (busy.value) return;
    busy.value = true;
    const result = await assignVisit(visit.id, staffIds, version);
    busy.value = false;
    outcome.value = { result, staffIds };
  };

  const choose = (s: Suggestion) => {
    if (outcome.value?.result.kind === 'assigned') return;
    if (!two) return void send([s.staffId], visit.version);
    const now = picked.value;
    picked.value = now.includes(s.staffId)
      ? now.filter((id) => id !== s.staffId)
      : [...now, s.staffId].slice(-2);
  };

  // Keys 1–5 act on the ranked list (not while typing in a field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1 || n > suggestions.length) return;
      // After a conflict the list is of the old version: the notice's buttons act on the new.
      if (outcome.value && outcome.value.result.kind !== 'refused') return;
      e.preventDefault();
      choose(suggestions[n - 1]!);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const done = outcome.value?.result.kind === 'assigned';
  return (
    <div class="sugg-panel">
      <h3 ref={heading} tabIndex={-1} id="sugg-title">
        {t('sugg.title', {
          task: visit.taskTypes.map((task) => t(`task.${task}`)).join(', '),
          window: formatWindow(visit.windowStart, visit.windowEnd),
        })}
      </h3>
      <p class="summary">
        {two ? t('sugg.helpTwo') : t('sugg.help')}
        {two && <span class="tag warn"> · {t('queue.twoStaff')}</span>}
      </p>
      {notice && <p class="notice">{notice}</p>}
      {suggestions.length === 0 ? (
        <NoneReasons reasons={noSuggestions} />
      ) : (
        <ol class="sugg-list" aria-label={t('sugg.list')}>
          {suggestions.map((s, i) => {
            const on = picked.value.includes(s.staffId);
            return (
              <li key={s.staffId} class={on ? 'picked' : undefined}>
                <SuggestionItem s={s} rank={i + 1} />
                <button
                  type="button"
                  class={two ? undefined : 'primary'}
                  aria-keyshortcuts={String(i + 1)}
                  aria-pressed={two ? (on ? 'true' : 'false') : undefined}
                  disabled={busy.value || done}
                  onClick={() => choose(s)}
                >
                  {two
                    ? t('sugg.pick', { name: s.name, key: i + 1 })
                    : t('sugg.assign', { name: s.name, key: i + 1 })}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {two && !done && (
        <button
          type="button"
          class="primary"
          disabled={picked.value.length !== 2 || busy.value}
          onClick={() => send([...picked.value], visit.version)}
        >
          {t('sugg.assignTwo', { names: picked.value.map(nameOf).join(' + ') || '–' })}
        </button>
      )}
      <Outcome
        outcome={outcome.value}
        nameOf={nameOf}
        seenVersion={seenVersion}
        onRedo={(staffIds, version) => void send(staffIds, version)}
        onReload={onReload}
      />
    </div>
  );
}

function Outcome({
  outcome,
  nameOf,
  seenVersion,
  onRedo,
  onReload,
}: {
  outcome: { result: AssignOutcome; staffIds: string[] } | null;
  nameOf: (id: string) => string;
  seenVersion: () => number | undefined;
  onRedo: (staffIds: string[], version: number) => void;
  onReload: (visit: TargetVisit) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [outcome]);
  if (!outcome) return null;
  const { result, staffIds } = outcome;
  if (result.kind === 'assigned')
    return (
      <div ref={box} tabIndex={-1} class="outcome ok" role="status">
        <span aria-hidden="true">✓ </span>
        {t('sugg.assigned', {
          names: result.visit.assignees.map((a) => nameOf(a.staffId)).join(', '),
        })}{' '}
        <span class="outcome-live">
          {(seenVersion() ?? 0) >= result.visit.version ? t('sugg.inQueue') : t('sugg.waitQueue')}
        </span>
      </div>
    );
  if (result.kind === 'refused')
    return (
      <div ref={box} tabIndex={-1} class="outcome bad" role="alert">
        <span aria-hidden="true">⚠ </span>
        {t('sugg.refused', { message: result.message || t('sugg.noAnswer') })}
      </div>
    );
  return (
    <div ref={box} tabIndex={-1} class="outcome bad" role="alert">
      <ConflictNotice
        current={result.current}
        message={result.message}
        tried={staffIds.map(nameOf)}
        nameOf={nameOf}
        onRedo={(version) => onRedo(staffIds, version)}
        onReload={onReload}
      />
    </div>
  );
}

/** An empty list says why, so the dispatcher knows whether to widen the window or call in. */
function NoneReasons({ reasons }: { reasons: NoSuggestions | undefined }) {
  const shown = (reasons ?? []).filter((r) => r.staffCount > 0);
  return (
    <div class="sugg-none">
      <p>{t('sugg.none')}</p>
      {shown.length > 0 && (
        <ul aria-label={t('sugg.whyNone')}>
          {shown.map((r) => (
            <li key={r.reason}>{t(`sugg.why.${r.reason}`, { n: r.staffCount })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
