import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { earliestSchedule } from '../../../solver/io/earliest-schedule.ts';
import { parseMankowska } from '../../../solver/io/mankowska.ts';
import { parseMankowskaSolution } from '../../../solver/io/mankowska-solution.ts';
import { parseSolomon } from '../../../solver/io/solomon.ts';
import { parseSolomonRoutes } from '../../../solver/io/solomon-routes.ts';
import { tinyInput } from '../validate/tiny-instance.ts';

const read = (path: string) =>
  readFileSync(new URL(`../../../bench/data/${path}`, import.meta.url), 'utf8');
const c101 = parseSolomon(read('solomon/c101.txt'), { rounding: 'dimacs', objective: 'distance' });
const a1 = parseMankowska(read('mankowska2014/InstanzCPLEX_HCSRP_10_1.txt'), { name: 'A1' });

describe('earliestSchedule', () => {
  it('waits for windows and pulls sync partners together (fixpoint)', () => {
    const input = tinyInput();
    input.visits[2].earliest = 30;
    input.syncs = [{ first: 0, second: 2, minGap: 0, maxGap: 5 }];
    const s = earliestSchedule(input, [[0, 1], [2]]);
    // v2 cannot start before 30, so v0 (arrival 10) is delayed to 25; v1 follows at 40.
    expect(s.routes[0].stops.map((x) => x.start)).toEqual([25, 40]);
    expect(s.routes[1].stops.map((x) => x.start)).toEqual([30]);
    expect(s.routes[0].arrival).toBe(65);
    expect(s.unassigned).toEqual([]);
  });

  it('lists visits in no sequence as unassigned', () => {
    const s = earliestSchedule(tinyInput(), [[0], []]);
    expect(s.unassigned.map((u) => u.visit)).toEqual([1, 2]);
    expect(s.routes[1]).toMatchObject({ stops: [], departure: 0, arrival: 0 });
  });
});

describe('parseSolomonRoutes', () => {
  it('maps customer numbers to visits, route i to caregiver i−1', () => {
    const s = parseSolomonRoutes('Route 1 : 5 3\nRoute 2 : 20\n', c101);
    expect(s.routes[0].stops.map((x) => x.kind === 'visit' && c101.visits[x.visit].id)).toEqual([
      '5',
      '3',
    ]);
    expect(s.routes[1].stops).toHaveLength(1);
    expect(s.routes).toHaveLength(25);
    expect(s.unassigned).toHaveLength(97);
  });

  it('names the line of a bad customer', () => {
    expect(() => parseSolomonRoutes('Route 1 : 5 3\nRoute 2 : 20 101\n', c101, 'c101.sol')).toThrow(
      'c101.sol line 2: expected a customer number, got 101',
    );
    expect(() => parseSolomonRoutes('nothing here', c101, 'c101.sol')).toThrow(
      "c101.sol line 1: expected 'Route N : …' lines",
    );
  });
});

describe('parseMankowskaSolution', () => {
  it('reads the A1 sample: arcs in route order, service of the arc’s destination', () => {
    const s = parseMankowskaSolution(
      read('mankowska2014/sample_solutions_brkga/solution-10-1-13.txt'),
      a1,
    );
    const ids = s.routes.map((r) =>
      r.stops.map((x) => x.kind === 'visit' && a1.visits[x.visit].id),
    );
    expect(ids).toEqual([
      ['10:2', '3:1', '5:2', '9:0', '7:2'],
      ['8:4', '2:4'],
      ['8:5', '10:5', '6:4', '1:3', '9:3', '4:3'],
    ]);
    // Double service at node 8 is simultaneous (gap 0/0): both start at e = 46.
    expect(s.routes[1].stops[0].start).toBe(460000);
    expect(s.routes[2].stops[0].start).toBe(460000);
  });

  it('names the line of a broken arc', () => {
    expect(() => parseMankowskaSolution('0 2\n0 1 0 3\n2 0 0 0\n', a1, 'sol.txt')).toThrow(
      'sol.txt line 3: expected an arc from node 1, got 2',
    );
    expect(() => parseMankowskaSolution('0 2\n0 1 0 4\n1 0 0 0\n', a1, 'sol.txt')).toThrow(
      'sol.txt line 2: expected a service node 1 needs, got service 4',
    );
    expect(() => parseMankowskaSolution('0 3\n0 1 0 3\n1 0 0 0\n', a1, 'sol.txt')).toThrow(
      'sol.txt line 1: expected 3 arcs for vehicle 0, got 2',
    );
  });
});
