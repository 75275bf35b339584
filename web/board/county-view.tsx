import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import type { CountyRow, FigureId } from './board-types.ts';
import { classOf, quantileClasses } from './class-breaks.ts';
import { CountyMap, Legend } from './county-map.tsx';
import { DataTable } from './data-table.tsx';
import { FIGURES, figureName } from './figures.ts';
import { readOutlines } from './boundaries.ts';
import type { Outline } from './map-projection.ts';

/** The figures the county compares, in the table's column order; the map shows one of them. */
export const COUNTY_FIGURES: readonly FigureId[] = [
  'continuityKolada',
  'contactShare',
  'punctuality',
  'urgent1',
  'travelShare',
  'missed',
];

/**
 * The county view: the municipalities on the map, shaded by the chosen figure in classes with
 * a legend in words, and all of them in a table (exportable), the class of each written out.
 */
export function CountyView(props: {
  rows: readonly CountyRow[] | null;
  chosen: string;
  fileParts: readonly string[];
}) {
  const figure = useSignal<FigureId>('continuityKolada');
  const outlines = useSignal<readonly Outline[]>([]);
  useEffect(() => {
    void readOutlines()
      .then((o) => (outlines.value = o))
      .catch(() => undefined); // the table still holds every value
  }, []);
  const rows = [...(props.rows ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const id = figure.value;
  const values = new Map(rows.map((r) => [r.code, r.values[id] ?? null]));
  const classes = quantileClasses([...values.values()]);
  const unit = FIGURES[id].unit;
  const title = t('board.countyMapTitle', { figure: figureName(id) });
  return (
    <section class="board-card county" aria-labelledby="county-heading">
      <h2 id="county-heading">{t('board.countyHeading')}</h2>
      <div class="picker">
        <label for="county-figure">{t('board.countyFigure')}</label>
        <select
          id="county-figure"
          value={id}
          onChange={(e) => (figure.value = e.currentTarget.value as FigureId)}
        >
          {COUNTY_FIGURES.map((f) => (
            <option key={f} value={f}>
              {figureName(f)}
            </option>
          ))}
        </select>
      </div>
      <div class="county-body">
        <div class="county-map-wrap">
          <CountyMap
            outlines={outlines.value}
            values={values}
            classes={classes}
            unit={unit}
            title={title}
            chosen={props.chosen}
          />
          <Legend classes={classes} unit={unit} />
        </div>
        <DataTable
          caption={t('board.countyHeading')}
          columns={[
            { label: t('board.colMunicipality') },
            ...COUNTY_FIGURES.map((f) => ({ label: figureName(f), unit: FIGURES[f].unit })),
            { label: `${t('board.colClass')}: ${figureName(id)}` },
          ]}
          rows={rows.map((r) => {
            const c = classOf(values.get(r.code) ?? null, classes);
            return [
              r.name,
              ...COUNTY_FIGURES.map((f) => r.values[f] ?? null),
              c === null ? null : String(c + 1),
            ];
          })}
          fileParts={[t('board.countyHeading'), ...props.fileParts]}
          quietCaption
        />
      </div>
    </section>
  );
}
