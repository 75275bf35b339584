import { t } from '../i18n/i18n.ts';
import type { PhoneStore } from './phone-store.ts';
import { buttonLabel } from './visit-card.tsx';

/**
 * What became of the last change: a short confirmation, or plainly why it was not made
 * (a conflict names the visit's status as it is now; its card shows the rest).
 */
export function NoticeBanner(props: {
  store: PhoneStore;
  numbers: ReadonlyMap<string, number>;
  onClose: () => void;
}) {
  const notice = props.store.notice.value;
  const n = notice ? (props.numbers.get(notice.visitId) ?? '?') : 0;
  let text = '';
  if (notice?.kind === 'sent') text = t('phone.sent', { n, status: t(`status.${notice.status}`) });
  else if (notice?.kind === 'conflict') {
    const now = props.store.visits.value.get(notice.visitId) ?? notice.current;
    text = t('phone.conflict', {
      n,
      status: now ? t(`status.${now.status}`) : '?',
      wanted: buttonLabel(notice.wanted),
    });
  } else if (notice?.kind === 'refused') text = t('phone.refused', { n, message: notice.message });
  const problem = notice !== null && notice.kind !== 'sent';
  return (
    <div class="notices">
      {/* Always in the page, so screen readers hear what is put in it. */}
      <div role="status" class="sr-only">
        {notice?.kind === 'sent' ? text : ''}
      </div>
      <div role="alert" class={problem ? 'notice-problem' : undefined}>
        {problem && (
          <>
            <p>
              <span aria-hidden="true">⚠ </span>
              {text}
            </p>
            <button type="button" onClick={props.onClose}>
              {t('phone.dismiss')}
            </button>
          </>
        )}
      </div>
      {notice?.kind === 'sent' && (
        <p class="notice-sent" aria-hidden="true">
          ✓ {text}
        </p>
      )}
    </div>
  );
}
