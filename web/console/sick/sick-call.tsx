import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { api, type Schemas } from '../../api/client.ts';
import { t } from '../../i18n/i18n.ts';
import { now } from '../../time/now.ts';
import type { ConsoleStore } from '../store.ts';
import type { ShiftRow } from '../types.ts';
import { RepairReview, errorText } from './repair-review.tsx';
import { releasedCount, resolveClockTime } from './sick-rules.ts';

type Step =
  | { kind: 'confirm' }
  | { kind: 'working' }
  | { kind: 'review'; released: ReadonlySet<string>; proposal: Schemas['RepairProposal'] };

/**
 * The sick call (sjukanmälan) for the caregiver in `target`: a modal dialog that first asks
 * from when and says how many visits will be released (the irreversible step waits for an
 * explicit button), then calls the server, which releases them and proposes a repair within
 * its time box, then shows that proposal to accept in whole or in part.
 */
export function SickCall({
  store,
  target,
}: {
  store: ConsoleStore;
  target: Signal<ShiftRow | null>;
}) {
  const shift = target.value;
  const dialog = useRef<HTMLDialogElement>(null);
  const step = useSignal<Step>({ kind: 'confirm' });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (shift && !d.open) {
      step.value = { kind: 'confirm' };
      d.showModal();
    } else if (!shift && d.open) d.close();
  }, [shift]);

  const close = () => (target.value = null);
  const s = step.value;
  return (
    <dialog
      ref={dialog}
      class={s.kind === 'review' ? 'sick-dialog' : 'sick-dialog sick-confirm'}
      aria-labelledby="sick-title"
      onCancel={(e) => {
        if (step.value.kind === 'working') e.preventDefault(); // the call is on its way
      }}
      onClose={close}
    >
      {shift && (
        <>
          <h2 id="sick-title" tabIndex={-1}>
            {t('sick.title', { name: shift.name })}
          </h2>
          {s.kind === 'review' ? (
            <>
              <p class="repair-ok" role="status">
                {t('sick.released', { name: shift.name, count: s.released.size })}
              </p>
              <h3>{t('sick.proposalTitle')}</h3>
              <RepairReview
                proposal={s.proposal}
                store={store}
                released={{ visitIds: s.released, staffId: shift.staffId }}
              />
              <p class="dialog-actions">
                <button type="button" onClick={close}>
                  {t('sick.close')}
                </button>
              </p>
            </>
          ) : (
            <ConfirmSick
              shift={shift}
              store={store}
              working={s.kind === 'working'}
              onCancel={close}
              onStart={() => (step.value = { kind: 'working' })}
              onFailed={() => (step.value = { kind: 'confirm' })}
              onDone={(released, proposal) => {
                step.value = { kind: 'review', released, proposal };
                document.getElementById('sick-title')?.focus();
              }}
            />
          )}
        </>
      )}
    </dialog>
  );
}

function ConfirmSick(props: {
  shift: ShiftRow;
  store: ConsoleStore;
  working: boolean;
  onCancel: () => void;
  onStart: () => void;
  onFailed: () => void;
  onDone: (released: ReadonlySet<string>, proposal: Schemas['RepairProposal']) => void;
}) {
  const { shift, store, working } = props;
  const fromTime = useSignal(false);
  const time = useSignal('');
  const fieldError = useSignal('');
  const failure = useSignal('');

  const resolved = fromTime.value ? resolveClockTime(time.value, now.value) : null;
  const atMs = fromTime.value ? (resolved?.ms ?? now.value) : now.value;
  const count = releasedCount(store.visits.value.values(), shift.staffId, atMs, now.value);

  const submit = async (e: Event) => {
    e.preventDefault();
    fieldError.value = '';
    failure.value = '';
    if (fromTime.value && !resolved) {
      fieldError.value = t('sick.timeInvalid');
      return;
    }
    props.onStart();
    const { data, error } = await api.POST('/api/dispatch/staff/{id}/sick', {
      params: { path: { id: shift.staffId } },
      body: { timeLimitMs: 2000, ...(resolved ? { at: resolved.local } : {}) },
    });
    if (data) return props.onDone(new Set(data.releasedVisitIds), data.proposal);
    props.onFailed();
    const atError = error?.error.details.find((d) => d.field === 'body.at');
    if (atError) fieldError.value = atError.message;
    else failure.value = t('sick.failed', { message: error ? errorText(error) : '' });
  };

  return (
    <form onSubmit={submit} aria-busy={working}>
      <fieldset disabled={working}>
        <legend>{t('sick.when')}</legend>
        <label class="choice">
          <input
            type="radio"
            name="sick-when"
            checked={!fromTime.value}
            onChange={() => (fromTime.value = false)}
          />{' '}
          {t('sick.fromNow')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="sick-when"
            checked={fromTime.value}
            onChange={() => (fromTime.value = true)}
          />{' '}
          {t('sick.fromTime')}
        </label>
        <label class="choice">
          {t('sick.time')}{' '}
          <input
            type="time"
            value={time.value}
            disabled={!fromTime.value}
            aria-invalid={fieldError.value ? true : undefined}
            aria-describedby={fieldError.value ? 'sick-time-error' : undefined}
            onInput={(e) => (time.value = e.currentTarget.value)}
          />
        </label>
        {fieldError.value && (
          <p id="sick-time-error" class="error">
            {fieldError.value}
          </p>
        )}
      </fieldset>
      <p class="sick-consequence">
        {count > 0 ? t('sick.releases', { count }) : t('sick.releasesNone')}
      </p>
      <p class="notice">{t('sick.irreversible')}</p>
      {failure.value && (
        <p class="error" role="alert">
          {failure.value}
        </p>
      )}
      {working ? (
        <p role="status" class="sick-working">
          <progress aria-label={t('sick.working')} /> {t('sick.working')}
        </p>
      ) : (
        <p class="dialog-actions">
          <button type="submit" class="danger">
            {t('sick.confirm', { count })}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('sick.cancel')}
          </button>
        </p>
      )}
    </form>
  );
}
