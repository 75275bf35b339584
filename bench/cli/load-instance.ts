import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { detectFormat, type InstanceFormat } from '../../solver/io/detect-format.ts';
import { MANKOWSKA_COST_DIVISOR, parseMankowska } from '../../solver/io/mankowska.ts';
import {
  parseSolomon,
  type SolomonObjective,
  type SolomonRounding,
} from '../../solver/io/solomon.ts';
import type { ProblemInput } from '../../solver/model/problem-input.ts';
import { UsageError } from './args.ts';

export interface LoadOptions {
  format?: InstanceFormat;
  objective?: SolomonObjective;
  rounding?: SolomonRounding;
}

/** A parsed instance plus what is needed to speak about its results in the file's units. */
export interface LoadedInstance {
  input: ProblemInput;
  format: InstanceFormat;
  /** Human label of the objective, e.g. "distance (dimacs)". */
  objective: string;
  /** Real cost = scaled cost / (scale · costDivisor). */
  costDivisor: number;
}

/** Mankowska files are named by size and number: InstanzCPLEX_HCSRP_25_3 → B3. */
export function mankowskaName(file: string): string {
  const m = /HCSRP_(\d+)_(\d+)/.exec(file);
  const letter = m && ({ '10': 'A', '25': 'B', '50': 'C' } as Record<string, string>)[m[1]];
  return m && letter ? `${letter}${m[2]}` : basename(file).replace(/\.txt$/, '');
}

/** The only place a file is read: the parsers stay pure text → ProblemInput. */
export function loadInstance(file: string, options: LoadOptions = {}): LoadedInstance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const format = options.format ?? detectFormat(text);
  if (!format)
    throw new UsageError(`cannot tell the format of ${file}; pass --format solomon|mankowska`);
  const source = basename(file);
  if (format === 'mankowska') {
    if (options.objective || options.rounding) {
      throw new UsageError('--objective and --rounding apply to Solomon files only');
    }
    const input = parseMankowska(text, { name: mankowskaName(file), source });
    return { input, format, objective: '(D + T + Tmax) / 3', costDivisor: MANKOWSKA_COST_DIVISOR };
  }
  const objective = options.objective ?? 'distance';
  const rounding = options.rounding ?? (objective === 'hierarchical' ? 'double' : 'dimacs');
  const input = parseSolomon(text, { objective, rounding, source });
  return { input, format, objective: `${objective} (${rounding})`, costDivisor: 1 };
}
