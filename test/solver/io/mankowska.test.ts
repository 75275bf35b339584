import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../solver/io/detect-format.ts';
import { parseMankowska } from '../../../solver/io/mankowska.ts';

const a1 = readFileSync(
  new URL('../../../bench/data/mankowska2014/InstanzCPLEX_HCSRP_10_1.txt', import.meta.url),
  'utf8',
);
const ids = (p: ReturnType<typeof parseMankowska>) => p.visits.map((v) => v.id);

describe('parseMankowska', () => {
  const p = parseMankowska(a1, { name: 'A1' });

  it('makes one visit per (patient, service): 10 patients, 3 with two services', () => {
    expect(p.locations).toBe(12);
    expect(p.patients).toHaveLength(10);
    expect(p.visits).toHaveLength(13);
    expect(ids(p)).toEqual([
      '1:3',
      '2:4',
      '3:1',
      '4:3',
      '5:2',
      '6:4',
      '7:2',
      '8:4',
      '8:5',
      '9:0',
      '9:3',
      '10:2',
      '10:5',
    ]);
  });

  it('turns DS patients (1-based over all nodes: 9 10 11 = nodes 8 9 10) into syncs, lower service first', () => {
    const byId = (id: string) => ids(p).indexOf(id);
    expect(p.syncs).toEqual([
      { first: byId('8:4'), second: byId('8:5'), minGap: 0, maxGap: 0 },
      { first: byId('9:0'), second: byId('9:3'), minGap: 510000, maxGap: 1020000 },
      { first: byId('10:2'), second: byId('10:5'), minGap: 80000, maxGap: 160000 },
    ]);
  });

  it('keeps windows soft, skills per service, durations per caregiver', () => {
    expect(p.visits[0]).toMatchObject({
      location: 1,
      patient: 0,
      earliest: 3450000,
      latest: 4650000,
      latestHard: false,
      skills: [3],
    });
    expect(p.visits[0].durationByCaregiver).toEqual([140000, 140000, 140000]);
    expect(p.caregivers.map((c) => c.skills)).toEqual([
      [0, 1, 2],
      [4, 5],
      [3, 4, 5],
    ]);
    expect(p.caregivers[0]).toMatchObject({
      startLocation: 0,
      endLocation: 11,
      shiftStart: 0,
      fixedCost: 0,
    });
    expect(p.profiles[0].distances[10]).toBe(888876); // d[0][10] = 88.88757
    expect(p.weights).toMatchObject({
      distance: 1,
      lateness: 1,
      maxLateness: 1,
      travelTime: 0,
      overtime: 0,
    });
  });

  it('is detected as Mankowska', () => {
    expect(detectFormat(a1)).toBe('mankowska');
  });
});

describe('parseMankowska on malformed files names the line', () => {
  const opts = { source: 'A1.txt' };
  const lines = a1.split('\n');
  const withLine = (i: number, text: string) =>
    lines.map((l, j) => (j === i - 1 ? text : l)).join('\n');

  it('short matrix row', () => {
    expect(() => parseMankowska(withLine(9, '0 0 0 1 0'), opts)).toThrow(
      'A1.txt line 9: expected 6 numbers, got 5',
    );
  });

  it('wrong vector length', () => {
    const at = lines.indexOf('e') + 2;
    expect(() => parseMankowska(withLine(at, '0 345 268'), opts)).toThrow(
      `A1.txt line ${at - 1}: expected 12 numbers after 'e', got 3`,
    );
  });

  it('DS that disagrees with r', () => {
    const at = lines.indexOf('DS') + 2;
    expect(() => parseMankowska(withLine(at, '11 10 3'), opts)).toThrow(
      `A1.txt line ${at}: DS lists 3 (node 2) but r gives it no double service`,
    );
  });

  it('missing section and a stray word', () => {
    expect(() => parseMankowska(a1.replace(/^maxd$/m, 'maxdist'), opts)).toThrow(
      /A1\.txt line \d+: expected a section 'maxd'/,
    );
    expect(() => parseMankowska(withLine(2, '12 nodes'), opts)).toThrow(
      "A1.txt line 2: expected a number, got 'nodes'",
    );
  });
});
