import type { Signal } from '@preact/signals';
import { t } from '../i18n/i18n.ts';
import type { HistoryStatus } from './history-status.ts';

/**
 * Says, above the tiles, that the past days are still being generated (so a thin trend is not
 * taken for a real one), or that generating them failed. Nothing once they are done.
 */
export function HistoryNotice({ status }: { status: Signal<HistoryStatus | null> }) {
  const s = status.value;
  const text =
    s?.state === 'running'
      ? t('board.historyRunning', { done: s.daysDone, days: s.days })
      : s?.state === 'failed'
        ? t('board.historyFailed', { message: s.error ?? '' })
        : null;
  return (
    <p class="board-history" role="status" hidden={text === null}>
      {text}
    </p>
  );
}
