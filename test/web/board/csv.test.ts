import { describe, expect, it } from 'vitest';
import { BOM, csvFileName, csvNumber, toCsv } from '../../../web/board/csv.ts';

const table = {
  columns: ['Kommun', 'Punktlighet', 'Besök'],
  rows: [
    ['Södertälje', 0.875, 1204],
    ['Stockholm; city', 0.9, 25000],
    ['Ekerö', null, 0],
  ],
};

describe('CSV export', () => {
  it('writes Swedish CSV: BOM, ; between fields, decimal comma, CRLF, no grouping', () => {
    expect(toCsv(table, 'sv')).toBe(
      `${BOM}Kommun;Punktlighet;Besök\r\nSödertälje;0,875;1204\r\n"Stockholm; city";0,9;25000\r\nEkerö;;0\r\n`,
    );
  });

  it('writes the international choice with , and a decimal point', () => {
    const csv = toCsv(table, 'intl');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('Södertälje,0.875,1204\r\n');
    // A field holding either separator is quoted, so a file opens whichever way it is read.
    expect(csv).toContain('"Stockholm; city",0.9,25000');
    expect(toCsv({ columns: ['a'], rows: [['x, y']] }, 'intl')).toBe(`${BOM}a\r\n"x, y"\r\n`);
  });

  it('doubles quotes and keeps a leading = from being read as a formula', () => {
    const csv = toCsv({ columns: ['namn'], rows: [['sa "hej"'], ['=SUM(A1)']] }, 'sv');
    expect(csv).toBe(`${BOM}namn\r\n"sa ""hej"""\r\n"'=SUM(A1)"\r\n`);
  });

  it('rounds to at most four decimals and writes a negative with its sign', () => {
    expect(csvNumber(1 / 3, 'sv')).toBe('0,3333');
    expect(csvNumber(-2.5, 'sv')).toBe('-2,5');
    expect(csvNumber(12, 'intl')).toBe('12');
    expect(csvNumber(Number.NaN, 'sv')).toBe('');
  });

  it('makes a plain file name without å ä ö', () => {
    expect(csvFileName('Punktlighet', 'Södertälje', '2026-03-01')).toBe(
      'punktlighet-sodertalje-2026-03-01.csv',
    );
  });
});
