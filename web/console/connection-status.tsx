import type { Signal } from '@preact/signals';
import { t } from '../i18n/i18n.ts';
import type { ConnectionState } from '../live/live-connection.ts';

/** The connection state, always on screen: a word and a symbol, not colour alone. */
export function ConnectionStatus({ state }: { state: Signal<ConnectionState> }) {
  const s = state.value;
  const [symbol, text] =
    s.kind === 'live'
      ? [
          '●',
          s.refreshed
            ? t('conn.refreshed')
            : s.resumed === null
              ? t('conn.live')
              : t('conn.resumed', { count: s.resumed }),
        ]
      : s.kind === 'connecting'
        ? ['◌', t('conn.connecting')]
        : s.kind === 'reconnecting'
          ? ['◌', t('conn.reconnecting', { attempt: s.attempt })]
          : s.kind === 'refused'
            ? ['✕', t('conn.refused', { code: s.code })]
            : ['✕', s.reason === 'session' ? t('conn.ended') : t('conn.offline')];
  return (
    <p class={`conn conn-${s.kind}`} role="status" aria-label={t('conn.label')}>
      <span aria-hidden="true">{symbol}</span> {text}
    </p>
  );
}
