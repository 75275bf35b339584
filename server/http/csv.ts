/**
 * CSV as Swedish spreadsheets read it by default: fields separated by ';', decimal comma,
 * CRLF line ends and a byte-order mark so that Excel takes it as UTF-8 (å, ä, ö). A field
 * with the separator, a quote or a line break is quoted, quotes doubled (RFC 4180).
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export const SWEDISH_CSV: CsvOptions = { separator: ';', decimal: ',' };

function cell(v: CsvCell, o: CsvOptions): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    // At most four decimals: a share or an hour figure, not floating-point noise.
    s = String(Math.round(v * 10_000) / 10_000);
    if (o.decimal === ',') s = s.replace('.', ',');
  } else s = String(v);
  return /["\r\n]/.test(s) || s.includes(o.separator) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table with its header row as CSV text. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  o: CsvOptions = SWEDISH_CSV,
): string {
  const lines = [header, ...rows].map((r) => r.map((v) => cell(v, o)).join(o.separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
