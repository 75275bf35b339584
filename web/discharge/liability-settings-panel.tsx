/**
 * A municipality's payment-liability rules on the discharge page: each care type's free days,
 * day 0, cut-off hour, working days and daily amount, with the agreement's and the law's
 * defaults said in a sentence. A manager or the admin saves them (the server checks them and
 * names a bad field); every open case's clock is then computed with them, and the pages
 * showing one hear it on the live feed. A scheduler reads them.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { type Principal, session } from '../session/session.ts';
import { formatDayClock } from '../time/format.ts';
import { formatSek } from './case-urgency.ts';
import {
  CARE_TYPES,
  CHECK_FIELDS,
  type CareType,
  type LiabilityForm,
  type LiabilitySettings,
  NUMBER_FIELDS,
  bodyOf,
  fieldOfDetail,
  formOf,
  inputId,
} from './liability-form.ts';

type ApiError = { error?: { message?: string; details?: { field?: string; message?: string }[] } };

/** As the server's LIABILITY_READERS and LIABILITY_WRITERS; a team-limited manager only reads. */
export const canReadLiability = (p: Principal) =>
  p.role === 'scheduler' || p.role === 'manager' || p.role === 'admin';
const canChangeLiability = (p: Principal) =>
  p.role === 'admin' || (p.role === 'manager' && p.teams.length === 0);

const labelOf = (key: string) =>
  t(
    [...NUMBER_FIELDS, ...CHECK_FIELDS].find((f) => f.key === key)?.label ??
      'discharge.settings.heading',
  );

export function LiabilitySettingsPanel({ municipality }: { municipality: string }) {
  const current = useSignal<LiabilitySettings | null>(null);
  const form = useSignal<LiabilityForm | null>(null);
  const busy = useSignal(false);
  const outcome = useSignal<'saved' | 'reset' | null>(null);
  const error = useSignal('');
  const invalid = useSignal<{ careType: CareType; key: string; message: string }[]>([]);
  const user = session.value?.user;
  const editable = user ? canChangeLiability(user) : false;

  const take = (s: LiabilitySettings) => {
    current.value = s;
    form.value = formOf(s);
  };
  useEffect(() => {
    current.value = null;
    form.value = null;
    error.value = '';
    invalid.value = [];
    outcome.value = null;
    void api
      .GET('/api/discharge/{municipality}/settings', { params: { path: { municipality } } })
      .then(({ data, error: err }) => {
        if (data) take(data);
        else error.value = (err as ApiError | undefined)?.error?.message ?? '';
      });
  }, [municipality]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!form.value) return;
    busy.value = true;
    outcome.value = null;
    error.value = '';
    invalid.value = [];
    const { data, error: err } = await api.PUT('/api/discharge/{municipality}/settings', {
      params: { path: { municipality } },
      body: bodyOf(form.value),
    });
    busy.value = false;
    if (data) {
      take(data);
      outcome.value = 'saved';
      return;
    }
    const body = err as ApiError | undefined;
    error.value = body?.error?.message ?? '';
    invalid.value = (body?.error?.details ?? []).flatMap((d) => {
      const named = fieldOfDetail(d.field);
      return named ? [{ ...named, message: d.message ?? '' }] : [];
    });
  };

  const s = current.value;
  const f = form.value;
  const edit = (careType: CareType, key: string, value: string | boolean) => {
    if (!f) return;
    form.value = { ...f, [careType]: { ...f[careType], [key]: value } };
    outcome.value = null;
  };
  return (
    <section class="discharge-settings" aria-labelledby="discharge-settings-h">
      <h2 id="discharge-settings-h">{t('discharge.settings.summary', { code: municipality })}</h2>
      {!s || !f ? (
        <p role="status">
          {error.value
            ? t('discharge.settings.notSaved', { message: error.value })
            : t('discharge.settings.loading')}
        </p>
      ) : (
        <form onSubmit={save} noValidate>
          <p class="muted">
            {t('discharge.settings.help', {
              somaticDays: s.defaults.somatic.liabilityDays,
              psychiatricDays: s.defaults.psychiatric.liabilityDays,
              amount: formatSek(s.defaults.somatic.dailyAmountSek),
              lawDays: s.law.liabilityDays,
            })}
          </p>
          {!editable && <p>{t('discharge.settings.readOnly')}</p>}
          <div class="discharge-settings-types">
            {CARE_TYPES.map((careType) => (
              <fieldset key={careType} disabled={!editable}>
                <legend>{t(`discharge.settings.${careType}`)}</legend>
                {NUMBER_FIELDS.map((field) => {
                  const id = inputId(careType, field.key);
                  const bad = invalid.value.some(
                    (x) => x.careType === careType && x.key === field.key,
                  );
                  return (
                    <div class="setting-row" key={field.key}>
                      <label for={id}>{t(field.label)}</label>
                      <input
                        id={id}
                        type="number"
                        inputMode="numeric"
                        min={field.min}
                        max={field.max}
                        step={field.step}
                        value={f[careType][field.key]}
                        aria-invalid={bad ? 'true' : undefined}
                        aria-describedby={`${id}-default`}
                        onInput={(e) => edit(careType, field.key, e.currentTarget.value)}
                      />
                      <span id={`${id}-default`} class="muted">
                        {t('discharge.settings.defaultValue', {
                          value:
                            field.key === 'dailyAmountSek'
                              ? formatSek(s.defaults[careType][field.key])
                              : s.defaults[careType][field.key],
                        })}
                      </span>
                    </div>
                  );
                })}
                {CHECK_FIELDS.map((field) => {
                  const id = inputId(careType, field.key);
                  return (
                    <div class="setting-check" key={field.key}>
                      <input
                        id={id}
                        type="checkbox"
                        checked={f[careType][field.key]}
                        aria-describedby={`${id}-default`}
                        onChange={(e) => edit(careType, field.key, e.currentTarget.checked)}
                      />
                      <label for={id}>{t(field.label)}</label>
                      <span id={`${id}-default`} class="muted">
                        {t('discharge.settings.defaultValue', {
                          value: t(
                            s.defaults[careType][field.key]
                              ? 'discharge.settings.yes'
                              : 'discharge.settings.no',
                          ),
                        })}
                      </span>
                    </div>
                  );
                })}
              </fieldset>
            ))}
          </div>
          {editable && (
            <div class="discharge-settings-actions">
              <button type="submit" class="primary" disabled={busy.value}>
                {t('discharge.settings.save')}
              </button>
              <button
                type="button"
                onClick={() => {
                  form.value = formOf(s.defaults);
                  invalid.value = [];
                  error.value = '';
                  outcome.value = 'reset';
                }}
              >
                {t('discharge.settings.reset')}
              </button>
            </div>
          )}
          <p role="status">
            {busy.value
              ? t('discharge.settings.saving')
              : outcome.value === 'saved'
                ? t('discharge.settings.saved')
                : outcome.value === 'reset'
                  ? t('discharge.settings.resetDone')
                  : s.updatedAt
                    ? t('discharge.settings.lastSaved', { when: formatDayClock(s.updatedAt) })
                    : t('discharge.settings.defaultsInUse')}
          </p>
          {error.value && (
            <div role="alert" class="error">
              <p>
                {invalid.value.length > 0
                  ? t('discharge.settings.notSavedFields')
                  : t('discharge.settings.notSaved', { message: error.value })}
              </p>
              {invalid.value.length > 0 && (
                <ul>
                  {invalid.value.map((x) => (
                    <li key={`${x.careType}-${x.key}`}>
                      {t(`discharge.settings.${x.careType}`)}: {labelOf(x.key)}: {x.message}
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
