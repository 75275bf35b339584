/**
 * A table as CSV for a spreadsheet. Swedish conventions by default (Excel in a Swedish locale
 * splits on `;` and reads `12,5` as a number); the international choice is `,` and a decimal
 * point. A UTF-8 byte-order mark first, or Excel reads å ä ö as Latin-1; CRLF line ends.
 */
export type CsvStyle = 'sv' | 'intl';

export type Cell = string | number | null;

export interface CsvTable {
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export const BOM = '\uFEFF';

const SEPARATOR: Record<CsvStyle, string> = { sv: ';', intl: ',' };

/** A number without grouping (a spreadsheet would read a grouped one as text). */
export function csvNumber(value: number, style: CsvStyle): string {
  if (!Number.isFinite(value)) return '';
  // At most 4 decimals, trailing zeros dropped: 0.5 → "0,5", 12 → "12".
  const text = String(Math.round(value * 10_000) / 10_000);
  return style === 'sv' ? text.replace('.', ',') : text;
}

function field(cell: Cell, style: CsvStyle): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return csvNumber(cell, style);
  // Quote what would split the field or the row; a leading = + - @ is quoted too, so a
  // spreadsheet does not take a name for a formula.
  const risky = /^[=+\-@]/.test(cell);
  if (risky || /[";,\r\n]/.test(cell))
    return `"${(risky ? `'${cell}` : cell).replace(/"/g, '""')}"`;
  return cell;
}

/** The whole file's text, BOM included. */
export function toCsv(table: CsvTable, style: CsvStyle): string {
  const sep = SEPARATOR[style];
  const lines = [table.columns, ...table.rows].map((row) =>
    row.map((cell) => field(cell, style)).join(sep),
  );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name from a title: "punktlighet-0180-2026-03-01-2026-03-28.csv". */
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .join('-')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'tabell'}.csv`;
}
