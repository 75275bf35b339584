import { readdirSync } from 'node:fs';
import type { LoadOptions } from '../cli/load-instance.ts';
import {
  type BestKnown,
  DATA,
  dataPath,
  hombergerBestKnown,
  mankowskaBestKnown,
  solomonBestKnown,
} from './best-known.ts';

/** One instance to solve: where, how to read it, for how long, against what. */
export interface BenchCase {
  suite: string;
  file: string;
  load: LoadOptions;
  timeLimitSec: number;
  bestKnown: () => BestKnown | undefined;
}

export interface SuiteOptions {
  quick: boolean;
  long: boolean;
  /** Overrides every suite's own time limit. */
  timeLimitSec?: number;
}

export const SUITES = ['solomon', 'solomon-hier', 'mankowska', 'homberger', 'latency'] as const;
export type SuiteName = (typeof SUITES)[number];

const QUICK_SOLOMON = ['c101', 'c201', 'r101', 'r201', 'rc101', 'rc201'];
const QUICK_MANKOWSKA = ['A1', 'A2', 'B1'];
const QUICK_HOMBERGER = ['c1_2_1', 'r1_2_1'];

const files = (dir: string, ext: string) =>
  readdirSync(new URL(dir, DATA))
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();

export function buildCases(suite: Exclude<SuiteName, 'latency'>, o: SuiteOptions): BenchCase[] {
  const limit = (own: number) => o.timeLimitSec ?? own;
  if (suite === 'solomon' || suite === 'solomon-hier') {
    const bks = solomonBestKnown();
    const hier = suite === 'solomon-hier';
    const names = o.quick ? QUICK_SOLOMON : files('solomon/', '.txt');
    return names.map((name) => ({
      suite,
      file: dataPath(`solomon/${name}.txt`),
      load: hier
        ? { format: 'solomon', objective: 'hierarchical', rounding: 'double' }
        : { format: 'solomon', objective: 'distance', rounding: 'dimacs' },
      timeLimitSec: limit(o.long ? 10 : 1),
      bestKnown: () => (hier ? bks.hier : bks.dimacs).get(name),
    }));
  }
  if (suite === 'mankowska') {
    const bks = mankowskaBestKnown();
    const names = o.quick ? QUICK_MANKOWSKA : [...bks.keys()];
    return names.map((name) => ({
      suite,
      file: dataPath(`mankowska2014/${bks.get(name)!.file}`),
      load: { format: 'mankowska' },
      timeLimitSec: limit(name.startsWith('A') ? 1 : name.startsWith('B') ? 10 : 30),
      bestKnown: () => bks.get(name),
    }));
  }
  const names = o.quick ? QUICK_HOMBERGER : files('homberger/', '.txt');
  return names.map((name) => ({
    suite,
    file: dataPath(`homberger/${name}.txt`),
    load: { format: 'solomon', objective: 'hierarchical', rounding: 'double' },
    timeLimitSec: limit(o.quick ? 10 : 30),
    bestKnown: () => hombergerBestKnown(name),
  }));
}
