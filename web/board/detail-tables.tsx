import { t } from '../i18n/i18n.ts';
import { formatDate } from '../time/format.ts';
import { type BoardFigures, type ExpiringDelegation, LATENESS } from './board-types.ts';
import { DataTable } from './data-table.tsx';

/** The lateness distribution and the urgent calls by priority against their targets. */
export function DetailTables(props: {
  figures: BoardFigures | null;
  fileParts: readonly string[];
}) {
  const f = props.figures;
  return (
    <>
      <section class="board-card" aria-labelledby="late-heading">
        <h2 id="late-heading">{t('board.lateHeading')}</h2>
        <DataTable
          caption={t('board.lateHeading')}
          quietCaption
          columns={[
            { label: t('board.lateBucket') },
            { label: t('board.lateCount'), unit: 'visits' },
          ]}
          rows={LATENESS.map((b) => [t(`board.late.${b}`), f?.lateness?.[b] ?? null])}
          fileParts={[t('board.lateHeading'), ...props.fileParts]}
        />
      </section>
      <section class="board-card" aria-labelledby="urgent-heading">
        <h2 id="urgent-heading">{t('board.urgentHeading')}</h2>
        <DataTable
          caption={t('board.urgentHeading')}
          quietCaption
          columns={[
            { label: t('board.colPriority') },
            { label: t('board.colRegistered'), unit: 'visits' },
            { label: t('board.colReached'), unit: 'visits' },
            { label: t('board.colMedian') },
            { label: t('board.colP90') },
            { label: t('board.colTarget') },
            { label: t('board.colWithinTarget'), unit: 'visits' },
          ]}
          rows={(f?.urgent ?? []).map((u) => [
            t(`board.priority.${u.priority}`),
            u.registered,
            u.reached,
            u.medianMinutes === null ? null : Math.round(u.medianMinutes),
            u.p90Minutes === null ? null : Math.round(u.p90Minutes),
            u.targetMinutes,
            u.withinTarget,
          ])}
          fileParts={[t('board.urgentHeading'), ...props.fileParts]}
        />
      </section>
      <section class="board-card board-wide" aria-labelledby="planned-heading">
        <h2 id="planned-heading">{t('board.pa.heading')}</h2>
        <DataTable
          caption={t('board.pa.heading')}
          quietCaption
          columns={[
            { label: t('board.pa.what') },
            { label: t('board.pa.planned'), unit: 'minutes' },
            { label: t('board.pa.actual'), unit: 'minutes' },
            { label: t('board.pa.diffMedian'), unit: 'minutes' },
            { label: t('board.pa.diffP90'), unit: 'minutes' },
            { label: t('board.pa.compared'), unit: 'visits' },
          ]}
          rows={(f?.plannedActual ?? []).map((r) => [
            t(`board.pa.${r.kind}`),
            r.plannedMean,
            r.actualMean,
            r.diffMedian,
            r.diffP90,
            r.visits,
          ])}
          fileParts={[t('board.pa.heading'), ...props.fileParts]}
        />
        <p class="muted">{t('board.pa.note')}</p>
      </section>
    </>
  );
}

/** Delegations that end within 14 days, soonest first: who, which task, until when. */
export function DelegationsTable(props: {
  delegations: readonly ExpiringDelegation[] | null;
  taskName: (taskType: string) => string;
  fileParts: readonly string[];
}) {
  const list = props.delegations ?? [];
  return (
    <section class="board-card" aria-labelledby="delegations-heading">
      <h2 id="delegations-heading">{t('board.delegationsHeading')}</h2>
      {list.length === 0 ? (
        <p class="muted">{t('board.noDelegations')}</p>
      ) : (
        <DataTable
          caption={t('board.delegationsHeading')}
          quietCaption
          columns={[
            { label: t('board.colStaff') },
            { label: t('board.colTask') },
            { label: t('board.colValidTo') },
            { label: t('board.colDelegatedBy') },
          ]}
          rows={list.map((d) => [
            d.staffName,
            props.taskName(d.taskType),
            formatDate(d.validTo),
            d.delegatedByName,
          ])}
          fileParts={[t('board.delegationsHeading'), ...props.fileParts]}
        />
      )}
    </section>
  );
}
