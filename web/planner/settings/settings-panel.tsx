import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { t } from '../../i18n/i18n.ts';
import { formatDayClock } from '../../time/format.ts';
import { type ApiError, errorText } from '../planner-types.ts';
import {
  type PlanningSettings,
  SETTING_FIELDS,
  type SettingsForm,
  bodyOf,
  fieldOfDetail,
  formOf,
} from './settings-fields.ts';
import './settings.css';

/**
 * The municipality's continuity settings: the cap on distinct caregivers per patient and the
 * weights, each with its default; saved for the next plan. The server checks them: its 400
 * is shown as it names the fields.
 */
export function SettingsPanel({ municipality }: { municipality: string }) {
  const current = useSignal<PlanningSettings | null>(null);
  const form = useSignal<SettingsForm | null>(null);
  const busy = useSignal(false);
  const saved = useSignal(false);
  const error = useSignal('');
  const invalid = useSignal<{ key: string; message: string }[]>([]);

  const take = (s: PlanningSettings) => {
    current.value = s;
    form.value = formOf(s);
  };
  useEffect(() => {
    current.value = null;
    form.value = null;
    error.value = '';
    invalid.value = [];
    saved.value = false;
    if (!municipality) return;
    void api
      .GET('/api/planning/{municipality}/settings', { params: { path: { municipality } } })
      .then(({ data, error: err }) => {
        if (data) take(data);
        else error.value = errorText(err);
      });
  }, [municipality]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!form.value) return;
    busy.value = true;
    saved.value = false;
    error.value = '';
    invalid.value = [];
    const { data, error: err } = await api.PUT('/api/planning/{municipality}/settings', {
      params: { path: { municipality } },
      body: bodyOf(form.value),
    });
    busy.value = false;
    if (data) {
      take(data);
      saved.value = true;
      return;
    }
    error.value = errorText(err);
    invalid.value = ((err as ApiError | undefined)?.error?.details ?? []).map((d) => ({
      key: fieldOfDetail(d.field),
      message: d.message ?? '',
    }));
  };

  const s = current.value;
  const f = form.value;
  const labelOf = (key: string) => {
    const field = SETTING_FIELDS.find((x) => x.key === key);
    return field ? t(field.label) : key;
  };
  return (
    <section class="planner-card planner-settings" aria-labelledby="planner-settings">
      <h2 id="planner-settings">{t('planner.settings.heading')}</h2>
      <p class="muted">{t('planner.settings.help')}</p>
      {!s || !f ? (
        <p>{error.value ? t('planner.error', { message: error.value }) : t('planner.loading')}</p>
      ) : (
        <form onSubmit={save} noValidate>
          {SETTING_FIELDS.map((field) => {
            const id = `setting-${field.key}`;
            const bad = invalid.value.some((x) => x.key === field.key);
            const fallback =
              field.key === 'maxDistinctCaregivers'
                ? s.defaults.maxDistinctCaregivers
                : s.defaults.weights[field.key];
            return (
              <div class="setting-row" key={field.key}>
                <label for={id}>{t(field.label)}</label>
                <input
                  id={id}
                  type="number"
                  inputMode="decimal"
                  min={field.min}
                  max={field.max}
                  step={field.step}
                  value={f[field.key]}
                  aria-invalid={bad ? 'true' : undefined}
                  aria-describedby={`${id}-default`}
                  onInput={(e) => {
                    form.value = { ...f, [field.key]: (e.target as HTMLInputElement).value };
                    saved.value = false;
                  }}
                />
                <span id={`${id}-default`} class="muted">
                  {t('planner.settings.default', { value: String(fallback) })}
                </span>
              </div>
            );
          })}
          <div class="planner-actions">
            <button type="submit" class="primary" disabled={busy.value}>
              {t('planner.settings.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                form.value = formOf(s.defaults);
                saved.value = false;
              }}
            >
              {t('planner.settings.useDefaults')}
            </button>
          </div>
          <p role="status" class="planner-outcome">
            {busy.value && t('planner.settings.saving')}
            {saved.value && t('planner.settings.saved')}
            {!busy.value &&
              !saved.value &&
              (s.updatedAt
                ? t('planner.settings.lastSaved', { when: formatDayClock(s.updatedAt) })
                : t('planner.settings.defaultsInUse'))}
          </p>
          {error.value && (
            <div role="alert" class="planner-error">
              <p>
                {invalid.value.length > 0
                  ? t('planner.settings.notSavedFields')
                  : t('planner.settings.notSaved', { message: error.value })}
              </p>
              {invalid.value.length > 0 && (
                <ul>
                  {invalid.value.map((x) => (
                    <li key={x.key}>
                      {labelOf(x.key)}: {x.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
