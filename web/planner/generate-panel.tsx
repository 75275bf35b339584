import { useSignal } from '@preact/signals';
import { api } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { type DayChoice, type GeneratedDay, errorText } from './planner-types.ts';

/** Step 1: the day's visits from the care plans, and what generating changed. */
export function GeneratePanel({ day, onDone }: { day: DayChoice; onDone: () => void }) {
  const busy = useSignal(false);
  const result = useSignal<GeneratedDay | null>(null);
  const error = useSignal('');
  const generate = async () => {
    busy.value = true;
    error.value = '';
    result.value = null;
    const { data, error: err } = await api.POST(
      '/api/planning/{municipality}/days/{date}/generate',
      {
        params: { path: { municipality: day.municipality, date: day.date } },
        body: day.team ? { team: day.team } : {},
      },
    );
    busy.value = false;
    if (data) {
      result.value = data;
      onDone();
    } else error.value = errorText(err);
  };
  const c = result.value?.counts;
  return (
    <section class="planner-card" aria-labelledby="planner-generate">
      <h2 id="planner-generate">{t('planner.generateHeading')}</h2>
      <p class="muted">{t('planner.generateHelp')}</p>
      <button type="button" class="primary" onClick={generate} disabled={busy.value}>
        {t('planner.generate')}
      </button>
      <p role="status" class="planner-outcome">
        {busy.value && t('planner.generating')}
        {c &&
          t('planner.generated', {
            added: c.added,
            updated: c.updated,
            removed: c.removed,
            kept: c.keptBecauseAssigned,
            unchanged: c.unchanged,
          })}
      </p>
      {error.value && (
        <p role="alert" class="planner-error">
          {t('planner.error', { message: error.value })}
        </p>
      )}
    </section>
  );
}
