import { readFileSync } from 'node:fs';
import { parseSolomon } from '../../solver/io/solomon.ts';
import { parseSolomonRoutes } from '../../solver/io/solomon-routes.ts';
import { validate } from '../../solver/validate/validate.ts';

export const DATA = new URL('../data/', import.meta.url);
export const dataPath = (path: string) => new URL(path, DATA).pathname;
const read = (path: string) => readFileSync(new URL(path, DATA), 'utf8');

export interface BestKnown {
  cost: number;
  vehicles?: number;
}

function csvRows(path: string): string[][] {
  // The csv's only quoted field is the last one (source notes); the columns we use come first.
  return read(path)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

/** bks.csv columns: instance, vehicles_hier, distance_hier, distance_only, … */
export function solomonBestKnown(): {
  dimacs: Map<string, BestKnown>;
  hier: Map<string, BestKnown>;
} {
  const dimacs = new Map<string, BestKnown>();
  const hier = new Map<string, BestKnown>();
  for (const c of csvRows('solomon/bks.csv')) {
    const name = c[0].toLowerCase();
    dimacs.set(name, { cost: Number(c[3]), vehicles: c[5] ? Number(c[5]) : undefined });
    hier.set(name, { cost: Number(c[2]), vehicles: Number(c[1]) });
  }
  return { dimacs, hier };
}

/** bks.csv columns: instance (A1…), file, patients, caregivers, bks, … */
export function mankowskaBestKnown(): Map<string, BestKnown & { file: string }> {
  return new Map(
    csvRows('mankowska2014/bks.csv').map((c) => [c[0], { cost: Number(c[4]), file: c[1] }]),
  );
}

/** Homberger best-knowns have no table here: price the SINTEF route files with the validator. */
export function hombergerBestKnown(instance: string): BestKnown {
  const input = parseSolomon(read(`homberger/${instance}.txt`), {
    rounding: 'double',
    objective: 'hierarchical',
  });
  const solution = parseSolomonRoutes(
    read(`homberger/bks_routes/${instance}.sol`),
    input,
    `${instance}.sol`,
  );
  const check = validate(input, solution, { checkReportedCost: false });
  if (!check.valid) throw new Error(`${instance}.sol is not valid: ${check.violations[0]}`);
  return { cost: check.terms.distance / input.scale, vehicles: check.terms.usedCaregivers };
}
