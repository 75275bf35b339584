import { t } from '../i18n/i18n.ts';
import { formatClock } from '../time/format.ts';
import type { PositionShare } from './position-share.ts';

/** The consent in words, a real switch, and what is being shared right now. */
export function PositionPanel({
  share,
  onChange,
}: {
  share: PositionShare;
  onChange: (on: boolean) => void;
}) {
  const s = share.state.value;
  const on = s.kind === 'waiting' || s.kind === 'on';
  const said =
    s.kind === 'on' && s.lastSent !== null
      ? t('phone.positionOn', { time: formatClock(new Date(s.lastSent)) })
      : s.kind === 'on' || s.kind === 'waiting'
        ? t('phone.positionWaiting')
        : s.kind === 'denied'
          ? t('phone.positionDenied')
          : s.kind === 'unavailable'
            ? t('phone.positionUnavailable')
            : t('phone.positionOff');
  return (
    <section class="panel position" aria-labelledby="position-title">
      <h2 id="position-title">{t('phone.position')}</h2>
      <p id="position-consent" class="consent">
        {t('phone.positionConsent')}
      </p>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-describedby="position-consent"
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        {t('phone.position')}
      </label>
      <p class="position-state" role="status">
        <span aria-hidden="true">{on ? '📍 ' : '○ '}</span>
        {said}
      </p>
    </section>
  );
}
