import { t } from '../i18n/i18n.ts';
import { type Cell, csvFileName, toCsv } from './csv.ts';
import { csvStyle } from './csv-style.ts';
import { downloadText } from './download.ts';
import { type Unit, formatNumber, unitText } from './figures.ts';

export interface Column {
  label: string;
  /** A number column's unit: shown in the header, the cells formatted by it. */
  unit?: Unit;
}

/** A share is exported in per cent, as the table shows it ("Punktlighet (%)": 87,5). */
const exported = (cell: Cell, unit?: Unit): Cell =>
  typeof cell === 'number' && unit === 'share' ? cell * 100 : cell;

const header = (c: Column) => (c.unit ? `${c.label} (${unitText(c.unit)})` : c.label);

/**
 * A table of figures with its caption, the numbers formatted for the page's language, and a
 * button that exports the same rows as CSV in the page's chosen style. `fileParts` name the
 * file (the table and the municipality and period).
 */
export function DataTable(props: {
  caption: string;
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
  fileParts: readonly string[];
  /** Hide the caption visually (a heading above says the same). */
  quietCaption?: boolean;
}) {
  const { columns, rows } = props;
  const exportCsv = () => {
    const csv = toCsv(
      {
        columns: columns.map(header),
        rows: rows.map((row) => row.map((cell, i) => exported(cell, columns[i]?.unit))),
      },
      csvStyle.value,
    );
    downloadText(csvFileName(...props.fileParts), csv);
  };
  return (
    <div class="board-table">
      {/* Focusable, so a keyboard can scroll a table wider than its card. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
        <table>
          <caption class={props.quietCaption ? 'sr-only' : undefined}>{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" class={c.unit ? 'num' : undefined}>
                  {header(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length}>{t('board.noDataLong')}</td>
              </tr>
            )}
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => {
                  const unit = columns[i]?.unit;
                  const text =
                    cell === null
                      ? t('board.noData')
                      : typeof cell === 'number' && unit
                        ? formatNumber(cell, unit)
                        : String(cell);
                  return i === 0 ? (
                    <th key={i} scope="row">
                      {text}
                    </th>
                  ) : (
                    <td key={i} class={unit ? 'num' : undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" class="board-export" onClick={exportCsv}>
        {t('board.exportCsv')}
        <span class="sr-only"> – {props.caption}</span>
      </button>
    </div>
  );
}
