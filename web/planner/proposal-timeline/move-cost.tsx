import { t } from '../../i18n/i18n.ts';
import type { MovePreview } from './proposal-model.ts';

/** A cost figure in words: its sign said, not only coloured (lower is better). */
function verdict(n: number): string {
  if (n < 0) return t('proposal.better');
  if (n > 0) return t('proposal.worse');
  return t('proposal.same');
}

const minutes = (seconds: number) =>
  t('proposal.deltaMinutes', {
    sign: seconds > 0 ? '+' : seconds < 0 ? '−' : '±',
    minutes: Math.round(Math.abs(seconds) / 60),
  });

/** What a move would change, before it is made: the solver's cost delta by kind. */
export function MoveCost({ preview }: { preview: MovePreview }) {
  const d = preview.delta;
  const rows: [string, number, string][] = [
    [t('proposal.deltaTravel'), d.travel, minutes(d.travelSeconds)],
    [t('proposal.deltaLateness'), d.lateness, minutes(d.latenessSeconds + d.overtimeSeconds)],
    [t('proposal.deltaContinuity'), d.continuity, ''],
    [t('proposal.deltaTotal'), d.total, ''],
  ];
  return (
    <div class="move-cost">
      <h3>{t('proposal.deltaHeading')}</h3>
      <dl>
        {rows.map(([name, n, extra]) => (
          <div key={name} class={n < 0 ? 'better' : n > 0 ? 'worse' : 'same'}>
            <dt>{name}</dt>
            <dd>
              <span aria-hidden="true">{n < 0 ? '▼ ' : n > 0 ? '▲ ' : '= '}</span>
              {verdict(n)}
              {extra && ` (${extra})`}
            </dd>
          </div>
        ))}
      </dl>
      {preview.brokenRules.length > 0 && (
        <p class="move-broken">
          <span aria-hidden="true">⚠ </span>
          {t('proposal.brokenRules', { count: preview.brokenRules.length })}
        </p>
      )}
    </div>
  );
}
