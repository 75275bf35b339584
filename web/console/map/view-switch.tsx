import type { Signal } from '@preact/signals';
import { t } from '../../i18n/i18n.ts';

export type ConsoleView = 'queue' | 'map' | 'timeline';

/** Queue or map in the console's main column: two real buttons, the pressed one says which. */
export function ViewSwitch({ view }: { view: Signal<ConsoleView> }) {
  return (
    <div class="view-switch" role="group" aria-label={t('map.view')}>
      <button
        type="button"
        aria-pressed={view.value === 'queue'}
        onClick={() => (view.value = 'queue')}
      >
        {t('map.queueTab')}
      </button>
      <button
        type="button"
        aria-pressed={view.value === 'map'}
        onClick={() => (view.value = 'map')}
      >
        {t('map.tab')}
      </button>
      <button
        type="button"
        aria-pressed={view.value === 'timeline'}
        onClick={() => (view.value = 'timeline')}
      >
        {t('timeline.tab')}
      </button>
    </div>
  );
}
