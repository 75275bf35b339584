import type { CaregiverInput, ProblemInput, VisitInput } from '../model/problem-input.ts';
import { assertSafeTotal, powerOfTenAbove, travelUpperBound } from './bounds.ts';
import {
  isNumeric,
  type NumberedLine,
  numberedLines,
  numbersOf,
  ParseError,
} from './parse-error.ts';

export type SolomonRounding = 'dimacs' | 'double';
export type SolomonObjective = 'distance' | 'hierarchical';

export interface SolomonOptions {
  rounding: SolomonRounding;
  objective: SolomonObjective;
  /** Name used in error messages (the file name); defaults to the instance name. */
  source?: string;
}

interface Node {
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

/** DIMACS truncates to one decimal (scale 10); "double" keeps four decimals (scale 10000). */
export const SOLOMON_SCALE: Record<SolomonRounding, number> = {
  dimacs: 10,
  double: 10000,
};

/**
 * Solomon / Gehring-Homberger VRPTW text → ProblemInput. Node 0 is the depot and location
 * 0; customer c is visit c−1 at location c, with id String(c). Every vehicle in the file
 * becomes a caregiver with start = end = depot and the depot window as its shift.
 */
export function parseSolomon(text: string, options: SolomonOptions): ProblemInput {
  const lines = numberedLines(text);
  const name = lines[0]?.tokens.join(' ') ?? '';
  const source = options.source ?? (name || 'solomon');
  const { fleet, capacity } = readVehicleSection(source, lines);
  const nodes = readCustomerSection(source, lines);
  const scale = SOLOMON_SCALE[options.rounding];
  const n = nodes.length;

  const matrix = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = Math.hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
      // The epsilon keeps exact decimals (e.g. 5.0 computed as 4.9999999) from dropping 0.1.
      matrix[i * n + j] =
        options.rounding === 'dimacs' ? Math.floor(10 * d + 1e-9) : Math.round(scale * d);
    }
  }

  // Vehicles first: one vehicle must cost more than any plan's whole distance, and one
  // missing customer more than any fleet.
  const bound = travelUpperBound(matrix, n, new Array<number>(fleet).fill(0));
  const fixedCost = options.objective === 'hierarchical' ? powerOfTenAbove(bound) : 0;
  const unassignedPenalty = powerOfTenAbove(10 * (fleet * powerOfTenAbove(bound) + bound));
  assertSafeTotal(source, unassignedPenalty * n);

  const s = (v: number) => Math.round(v * scale);
  const depot = nodes[0];
  const caregivers: CaregiverInput[] = Array.from({ length: fleet }, (_, k) => ({
    id: `vehicle-${k + 1}`,
    profile: 0,
    skills: [],
    timedSkills: [],
    startLocation: 0,
    shiftStart: s(depot.ready),
    endLocation: 0,
    shiftEnd: s(depot.due),
    maxShiftEnd: s(depot.due),
    capacity,
    fixedCost,
    breaks: [],
    maxWorkWithoutBreak: 0,
  }));
  const visits: VisitInput[] = nodes.slice(1).map((c, i) => ({
    id: String(i + 1),
    location: i + 1,
    patient: -1,
    earliest: s(c.ready),
    latest: s(c.due),
    latestHard: true,
    duration: s(c.service),
    skills: [],
    demand: c.demand,
    unassignedPenalty,
    excluded: [],
    pinnedCaregiver: -1,
  }));

  return {
    name: name || source,
    scale,
    locations: n,
    profiles: [{ name: options.rounding, durations: matrix, distances: matrix }],
    caregivers,
    visits,
    patients: [],
    syncs: [],
    weights: {
      travelTime: 0,
      distance: 1,
      lateness: 0,
      maxLateness: 0,
      overtime: 0,
      nonContact: 0,
      distinctCaregiver: 0,
      distinctOverCap: 0,
      fixedCost: options.objective === 'hierarchical' ? 1 : 0,
    },
  };
}

function findKeyword(lines: NumberedLine[], keyword: string): number {
  return lines.findIndex((l) => l.tokens[0].toUpperCase() === keyword);
}

function readVehicleSection(source: string, lines: NumberedLine[]) {
  const at = findKeyword(lines, 'VEHICLE');
  if (at < 0) throw new ParseError(source, lines.at(-1)?.line ?? 1, "expected a 'VEHICLE' line");
  // Skip the "NUMBER CAPACITY" header; the first numeric line holds the two values.
  let i = at + 1;
  while (i < lines.length && !isNumeric(lines[i].tokens[0])) i++;
  if (i >= lines.length)
    throw new ParseError(source, lines[at].line, 'expected fleet size and capacity');
  const [fleet, capacity] = numbersOf(source, lines[i], 2);
  if (!Number.isInteger(fleet) || fleet < 1) {
    throw new ParseError(source, lines[i].line, `expected a positive fleet size, got ${fleet}`);
  }
  return { fleet, capacity };
}

function readCustomerSection(source: string, lines: NumberedLine[]): Node[] {
  const at = findKeyword(lines, 'CUSTOMER');
  if (at < 0) throw new ParseError(source, lines.at(-1)?.line ?? 1, "expected a 'CUSTOMER' line");
  let i = at + 1;
  while (i < lines.length && !isNumeric(lines[i].tokens[0])) i++; // column header
  const nodes: Node[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i];
    const [no, x, y, demand, ready, due, service] = numbersOf(source, l, 7);
    if (no !== nodes.length) {
      throw new ParseError(source, l.line, `expected customer number ${nodes.length}, got ${no}`);
    }
    if (due < ready)
      throw new ParseError(source, l.line, `expected due date ≥ ready time ${ready}, got ${due}`);
    nodes.push({ x, y, demand, ready, due, service });
  }
  if (nodes.length < 2) {
    throw new ParseError(
      source,
      lines.at(-1)?.line ?? 1,
      'expected a depot row and at least one customer',
    );
  }
  return nodes;
}
