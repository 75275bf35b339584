import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { t } from '../../i18n/i18n.ts';
import type { PatientChoice } from './draft.ts';

/** Characters before a search is sent (the server's own minimum). */
const MIN = 2;
/** Each search reads (and audits) the patients it returns: keep it to the few that match. */
const LIMIT = 8;

/**
 * Find the patient by name or address in the municipality: the server searches, so only the
 * patients that match are read (and audited), never the whole list.
 */
export function PatientSearch({
  municipality,
  value,
  onChange,
  error,
  inputId,
}: {
  municipality: string;
  value: PatientChoice | null;
  onChange: (p: PatientChoice | null) => void;
  error?: string;
  inputId: string;
}) {
  const query = useSignal('');
  const hits = useSignal<PatientChoice[] | null>(null);
  const searching = useSignal(false);

  useEffect(() => {
    const q = query.value.trim();
    if (q.length < MIN) {
      hits.value = null;
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      searching.value = true;
      void api
        .GET('/api/patients', { params: { query: { municipality, q, limit: LIMIT } } })
        .then(({ data }) => {
          if (stale) return;
          hits.value = (data?.items ?? []).map((p) => ({
            id: p.id,
            name: p.name,
            address: p.address,
          }));
        })
        .catch(() => !stale && (hits.value = []))
        .finally(() => !stale && (searching.value = false));
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query.value, municipality]);

  const errorId = `${inputId}-error`;
  const list = hits.value;
  return (
    <div class="field">
      <label for={inputId}>{t('urgent.patient')}</label>
      <input
        id={inputId}
        type="search"
        autoComplete="off"
        value={query.value}
        placeholder={t('urgent.patientHint')}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(e) => (query.value = e.currentTarget.value)}
      />
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
      {value && (
        <p class="picked">
          {value.address
            ? t('urgent.patientPicked', { name: value.name, address: value.address })
            : t('urgent.patientPickedName', { name: value.name })}
        </p>
      )}
      {list && (
        <fieldset class="patient-hits">
          <legend class="sr-only">{t('urgent.patientHits')}</legend>
          {list.length === 0 && !searching.value && <p>{t('urgent.patientNone')}</p>}
          {list.map((p) => (
            <label key={p.id} class="choice">
              <input
                type="radio"
                name="patient"
                checked={value?.id === p.id}
                onChange={() => onChange(p)}
              />
              <span>
                <strong>{p.name}</strong> · {p.address}
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
