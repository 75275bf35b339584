/**
 * What the region sent and when it arrived, in the order it arrived; a message that came
 * after one sent later is marked in words (the case applied it in its sent order).
 */
import type { Schemas } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { formatDayClock } from '../time/format.ts';

type Entry = Schemas['DischargeTimelineEntry'];

export function CaseTimeline({ entries }: { entries: readonly Entry[] }) {
  return (
    <section aria-labelledby="discharge-tl-h">
      <h3 id="discharge-tl-h">{t('discharge.timeline')}</h3>
      <ol class="discharge-timeline">
        {entries.map((e) => (
          <li key={e.messageId} class={e.late ? 'late' : undefined}>
            <strong>{t(`discharge.kind.${e.kind}`)}</strong>
            {detail(e) && <span> · {detail(e)}</span>}
            <br />
            <span class="muted">
              {t('discharge.tl.sent')} {formatDayClock(e.sentAt)} · {t('discharge.tl.received')}{' '}
              {formatDayClock(e.receivedAt)}
            </span>
            {e.late && (
              <span class="discharge-late">
                <span aria-hidden="true"> ⚠ </span>
                {t('discharge.tl.late')}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The one time or place a message is about, when it has one. */
function detail(e: Entry): string {
  const c = e.content;
  const at = c['readyAt'] ?? c['plannedDischargeAt'] ?? c['dischargedAt'];
  if (typeof at === 'string') return formatDayClock(at);
  return [c['hospital'], c['ward']].filter((x) => typeof x === 'string').join(', ');
}
