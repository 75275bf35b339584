import { useSignal, useSignalEffect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { t } from '../../i18n/i18n.ts';
import { keepOnExpiry, takeDraft } from '../../session/kept-drafts.ts';
import { session } from '../../session/session.ts';
import type { ConsoleStore } from '../store.ts';
import {
  type FieldErrors,
  type UrgentDraft,
  checkDraft,
  emptyDraft,
  keptDraft,
  restoredDraft,
  serverFieldErrors,
  toBody,
} from './draft.ts';
import { openRequest, openUrgentForm } from './open-request.ts';
import { SuggestionPanel } from './suggestion-panel.tsx';
import {
  type NoSuggestions,
  type Suggestion,
  type TargetVisit,
  fetchSuggestions,
} from './suggestions.ts';
import { UrgentForm } from './urgent-form.tsx';

type View =
  | { kind: 'form' }
  | { kind: 'loading' }
  | {
      kind: 'suggestions';
      visit: TargetVisit;
      suggestions: Suggestion[];
      noSuggestions?: NoSuggestions;
      notice?: string;
    }
  | { kind: 'failed'; message: string };

/** The button that opens the urgent form (the same as the key `n`). */
export function UrgentButton() {
  return (
    <button
      type="button"
      class="primary urgent-open"
      aria-keyshortcuts="n"
      onClick={openUrgentForm}
    >
      + {t('urgent.open')} <kbd aria-hidden="true">N</kbd>
    </button>
  );
}

/** Typing in a field, or a modifier held: the key is not a shortcut. */
const typing = (e: KeyboardEvent) =>
  e.altKey ||
  e.ctrlKey ||
  e.metaKey ||
  !!(e.target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable]');

/**
 * The urgent call and its suggestions in one modal dialog: `n` (or UrgentButton) opens the
 * form, a click on an unassigned visit in the queue opens its suggestions, Escape closes,
 * and focus goes back where it was.
 */
export function UrgentDialog({
  store,
  municipality,
  names,
}: {
  store: ConsoleStore;
  municipality: string;
  names: ReadonlyMap<string, string>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const view = useSignal<View>({ kind: 'form' });
  const draft = useSignal<UrgentDraft>(emptyDraft());
  const errors = useSignal<FieldErrors>({});
  const other = useSignal<string[]>([]);
  const sending = useSignal(false);
  /** The form came back from before the session expired: say so until it is sent or closed. */
  const restored = useSignal(false);

  const show = () => {
    const d = dialog.current;
    if (!d || d.open) return;
    opener.current = document.activeElement as HTMLElement | null;
    d.showModal();
  };

  const loadSuggestions = async (visit: TargetVisit) => {
    view.value = { kind: 'loading' };
    const read = await fetchSuggestions(visit.id);
    if (read.kind === 'ok')
      view.value = {
        kind: 'suggestions',
        visit,
        suggestions: read.suggestions,
        noSuggestions: read.noSuggestions,
      };
    else if (read.kind === 'busy')
      view.value = {
        kind: 'suggestions',
        visit,
        suggestions: [],
        notice: t('sugg.busy', { seconds: read.retryAfterSeconds }),
      };
    else view.value = { kind: 'failed', message: read.message || t('sugg.noAnswer') };
  };

  useSignalEffect(() => {
    const request = openRequest.value;
    if (!request) return;
    openRequest.value = null;
    if (request.kind === 'form') {
      restored.value = false;
      draft.value = emptyDraft();
      errors.value = {};
      other.value = [];
      view.value = { kind: 'form' };
      show();
      setTimeout(() => document.getElementById('urgent-patient')?.focus());
      return;
    }
    const visit = store.visits.peek().get(request.visitId);
    if (!visit) return;
    show();
    void loadSuggestions({ ...visit });
  });

  // An open form outlives an expired session; after the next log-in it opens again.
  useEffect(() => {
    const owner = session.peek()?.user.userId;
    const back = owner ? restoredDraft(takeDraft('urgent', owner)) : null;
    if (back) {
      draft.value = back;
      restored.value = true;
      view.value = { kind: 'form' };
      show();
    }
    return keepOnExpiry('urgent', () =>
      dialog.current?.open && view.peek().kind === 'form' ? keptDraft(draft.peek()) : null,
    );
  }, []);

  // `n` opens the form from anywhere in the console.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'n' || typing(e) || dialog.current?.open) return;
      e.preventDefault();
      openUrgentForm();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const close = () => dialog.current?.close();

  const submit = async () => {
    const problems = checkDraft(draft.value);
    const fields: FieldErrors = {};
    for (const [field, key] of Object.entries(problems))
      fields[field as keyof FieldErrors] = t(key);
    errors.value = fields;
    other.value = [];
    if (Object.keys(fields).length > 0) {
      focusFirstError(fields);
      return;
    }
    sending.value = true;
    try {
      const { data, error, response } = await api.POST('/api/dispatch/urgent-visits', {
        body: toBody(draft.value, municipality),
      });
      if (data) {
        const notice = data.suggestionsUnavailable
          ? t('sugg.busy', { seconds: data.suggestionsUnavailable.retryAfterSeconds })
          : undefined;
        view.value = {
          kind: 'suggestions',
          visit: data.visit,
          suggestions: data.suggestions,
          noSuggestions: data.noSuggestions,
          notice,
        };
        return;
      }
      const { fields: server, other: rest } = serverFieldErrors(error?.error.details ?? []);
      errors.value = server;
      other.value =
        rest.length > 0 || Object.keys(server).length > 0
          ? rest
          : [error?.error.message ?? String(response.status)];
      focusFirstError(server);
    } catch {
      other.value = [t('sugg.noAnswer')];
    } finally {
      sending.value = false;
    }
  };

  const v = view.value;
  return (
    <>
      <dialog
        ref={dialog}
        class="urgent-dialog"
        aria-labelledby="urgent-title"
        onClose={() => {
          restored.value = false;
          view.value = { kind: 'form' };
          opener.current?.focus();
        }}
      >
        <div class="dialog-head">
          <h2 id="urgent-title">{v.kind === 'form' ? t('urgent.title') : t('sugg.heading')}</h2>
          <button type="button" onClick={close}>
            {t('urgent.close')} <kbd aria-hidden="true">Esc</kbd>
          </button>
        </div>
        {v.kind === 'form' && restored.value && (
          <p class="notice" role="status">
            {t('urgent.restored')}
          </p>
        )}
        {v.kind === 'form' && (
          <UrgentForm
            draft={draft}
            errors={errors.value}
            other={other.value}
            busy={sending.value}
            municipality={municipality}
            onSubmit={() => void submit()}
          />
        )}
        {v.kind === 'loading' && <p role="status">{t('sugg.loading')}</p>}
        {v.kind === 'failed' && (
          <p class="error" role="alert">
            {t('sugg.failed', { message: v.message })}
          </p>
        )}
        {v.kind === 'suggestions' && (
          <SuggestionPanel
            key={`${v.visit.id}:${v.visit.version}`}
            visit={v.visit}
            suggestions={v.suggestions}
            noSuggestions={v.noSuggestions}
            notice={v.notice}
            names={names}
            seenVersion={() => store.visits.value.get(v.visit.id)?.version}
            onReload={(visit) => void loadSuggestions(visit)}
          />
        )}
      </dialog>
    </>
  );
}

/** Focus the first field the form says is wrong (in the form's order). */
function focusFirstError(fields: FieldErrors): void {
  const order: (keyof FieldErrors)[] = [
    'patientId',
    'taskTypes',
    'priority',
    'durationMinutes',
    'staffCount',
  ];
  const first = order.find((f) => fields[f]);
  if (!first) return;
  const target =
    first === 'patientId'
      ? document.getElementById('urgent-patient')
      : first === 'durationMinutes'
        ? document.getElementById('urgent-duration')
        : document.querySelector<HTMLElement>(`[aria-describedby="urgent-${first}-error"] input`);
  setTimeout(() => target?.focus());
}
