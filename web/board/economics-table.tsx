import { t } from '../i18n/i18n.ts';
import type { WireEconomicsMonth } from './board-wire.ts';
import { type Column, DataTable } from './data-table.tsx';

const PROFESSIONS = ['rn', 'an', 'ot', 'pt', 'dietitian'] as const;
const SOURCES = ['plan', 'urgent_call', 'single', 'discharge'] as const;
const SETTINGS = ['ordinary_home', 'hvb_home', 'asylum_housing'] as const;

/**
 * The figures the municipalities and the region negotiate the cost of home health care on, a
 * row per calendar month of the period: staff hours by profession, travel (reported hours,
 * estimated kilometres), visits done by kind and by care setting. One row a month, so the
 * CSV goes straight into the negotiation's spreadsheet.
 */
export function EconomicsTable(props: {
  months: readonly WireEconomicsMonth[] | null;
  fileParts: readonly string[];
}) {
  const columns: Column[] = [
    { label: t('board.colMonth') },
    ...PROFESSIONS.map((p) => ({ label: t(`profession.${p}`), unit: 'hours' as const })),
    { label: t('board.econTravelHours'), unit: 'hours' },
    { label: t('board.econTravelKm'), unit: 'km' },
    ...SOURCES.map((s) => ({ label: t(`board.source.${s}`), unit: 'visits' as const })),
    ...SETTINGS.map((s) => ({ label: t(`board.setting.${s}`), unit: 'visits' as const })),
  ];
  const rows = (props.months ?? []).map((m) => [
    m.month,
    ...PROFESSIONS.map((p) => m.staffHours[p]),
    m.travel.reportedHours,
    m.travel.estimatedKm,
    ...SOURCES.map((s) => m.visitsBySource[s]),
    ...SETTINGS.map((s) => m.visitsByCareSetting[s]),
  ]);
  return (
    <section class="board-card" aria-labelledby="economics-heading">
      <h2 id="economics-heading">{t('board.economicsHeading')}</h2>
      <p class="muted">{t('board.economicsHelp')}</p>
      <DataTable
        caption={t('board.economicsHeading')}
        quietCaption
        columns={columns}
        rows={rows}
        fileParts={[t('board.economicsHeading'), ...props.fileParts]}
      />
    </section>
  );
}
