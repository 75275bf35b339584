import { t } from '../i18n/i18n.ts';
import { formatClock, formatWindow } from '../time/format.ts';
import type { QueuedChange } from './outbox.ts';
import type { Patient } from './phone-store.ts';
import {
  CAREGIVER_STATUSES,
  type CaregiverStatus,
  type RouteVisit,
  isFinal,
  nextSteps,
  plannedStart,
  statusAfter,
} from './route-model.ts';

const LABEL: Record<
  CaregiverStatus,
  'phone.enRoute' | 'phone.start' | 'phone.done' | 'phone.noAccess'
> = {
  en_route: 'phone.enRoute',
  in_progress: 'phone.start',
  done: 'phone.done',
  no_access: 'phone.noAccess',
};
export const buttonLabel = (s: CaregiverStatus) => t(LABEL[s]);

/** One stop of the route: when, where, how to get in, what to do, and the four buttons. */
export function VisitCard(props: {
  n: number;
  visit: RouteVisit;
  patient: Patient | null | undefined;
  staffId: string;
  pending: readonly QueuedChange[];
  sending: boolean;
  online: boolean;
  onPress: (status: CaregiverStatus) => void;
}) {
  const { n, visit, patient, pending } = props;
  const shown = statusAfter(visit.status, pending);
  const offered = nextSteps(shown);
  const titleId = `stop-${visit.id}`;
  const planned = plannedStart(visit, props.staffId);
  const time = formatClock(planned ?? visit.windowStart);
  const tasks = visit.taskTypes.map((task) => t(`task.${task}`)).join(', ');
  if (isFinal(shown) && pending.length === 0)
    // Behind the caregiver: one line, no door code on screen any more.
    return (
      <li class="stop stop-final" aria-labelledby={titleId}>
        <h3 id={titleId}>
          <span class="stop-n">{t('phone.stop', { n })}</span> <span class="stop-time">{time}</span>
        </h3>
        <p class="stop-line">
          <span class={`status status-${shown}`}>
            <span aria-hidden="true">{shown === 'done' ? '✓ ' : '✕ '}</span>
            {t(`status.${shown}`)}
          </span>{' '}
          · {tasks}
          {patient ? ` · ${patient.name}` : ''}
        </p>
      </li>
    );
  return (
    <li class={`stop${isFinal(shown) ? ' stop-final' : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span class="stop-n">{t('phone.stop', { n })}</span> <span class="stop-time">{time}</span>
      </h3>
      <p class="stop-status">
        <span class={`status status-${shown}`}>{t(`status.${shown}`)}</span>
        {pending.length > 0 && (
          <span class="pending" role="status">
            <span aria-hidden="true">⏳ </span>
            {props.sending && props.online
              ? t('phone.sending')
              : t('phone.pending', { status: t(`status.${shown}`) })}
          </span>
        )}
      </p>
      <dl class="stop-facts">
        {planned && (
          <>
            <dt>{t('phone.planned')}</dt>
            <dd>
              {time}
              {Date.parse(planned) > Date.parse(visit.windowEnd) && (
                <span class="late-plan">
                  {' '}
                  <span aria-hidden="true">⚠ </span>
                  {t('phone.afterWindow')}
                </span>
              )}
            </dd>
          </>
        )}
        <dt>{t('phone.window')}</dt>
        <dd>
          {formatWindow(visit.windowStart, visit.windowEnd)} ·{' '}
          {t('phone.duration', { minutes: visit.durationMinutes })}
        </dd>
        <dt>{t('queue.task')}</dt>
        <dd>
          {tasks}
          {visit.staffCount > 1 && ` · ${t('phone.twoStaff')}`}
        </dd>
        {patient === null ? (
          <>
            <dt>{t('phone.patient')}</dt>
            <dd>{t('phone.patientHidden')}</dd>
          </>
        ) : patient ? (
          <>
            <dt>{t('phone.patient')}</dt>
            <dd>{patient.name}</dd>
            <dt>{t('phone.address')}</dt>
            <dd class="stop-address">{patient.address}</dd>
            <dt>{t('phone.access')}</dt>
            <dd class="stop-access">{patient.notes || t('phone.noAccessNotes')}</dd>
            {patient.contactStaffId && (
              <>
                <dt>{t('phone.contact')}</dt>
                <dd>
                  {patient.contactStaffId === props.staffId
                    ? t('phone.contactYou')
                    : t('phone.contactOther')}
                </dd>
              </>
            )}
          </>
        ) : null}
      </dl>
      {!isFinal(shown) && (
        <div class="stop-actions" role="group" aria-label={t('phone.actions', { n })}>
          {CAREGIVER_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              class={`big big-${s}`}
              disabled={!offered.includes(s)}
              onClick={() => props.onPress(s)}
            >
              {buttonLabel(s)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
