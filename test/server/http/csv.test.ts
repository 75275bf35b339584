import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../server/http/csv.ts';

describe('the CSV writer', () => {
  it('writes Swedish spreadsheet CSV: semicolons, decimal comma, quotes where needed', () => {
    const csv = toCsv(
      ['kommun', 'andel', 'antal', 'not'],
      [
        ['Stockholm', 0.8125, 12, 'a;b'],
        ['Solna', 2 / 3, null, 'säger "hej"'],
      ],
    );
    expect(csv).toBe(
      '\uFEFFkommun;andel;antal;not\r\nStockholm;0,8125;12;"a;b"\r\nSolna;0,6667;;"säger ""hej"""\r\n',
    );
  });

  it('writes the international form when asked', () => {
    expect(toCsv(['a', 'b'], [[1.5, 'x,y']], { separator: ',', decimal: '.' })).toBe(
      '\uFEFFa,b\r\n1.5,"x,y"\r\n',
    );
  });
});
