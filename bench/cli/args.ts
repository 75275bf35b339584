import { parseArgs } from 'node:util';
import type { InstanceFormat } from '../../solver/io/detect-format.ts';
import type { SolomonObjective, SolomonRounding } from '../../solver/io/solomon.ts';

export const USAGE = `usage: npm run --silent solve -- FILE [options]

Solves one benchmark instance and prints one JSON object on stdout:
  { instance, objective, cost, distance, vehicles, runtimeMs, routes, feasible, unassigned }
Progress goes to stderr. cost and distance are in the file's real units.

options:
  --format solomon|mankowska       default: guessed from the content
  --time-limit SECONDS             default 10
  --seed N                         default 1
  --objective distance|hierarchical   Solomon only; default distance
  --rounding dimacs|double         Solomon only; default dimacs for distance
                                   (DIMACS 2021: truncate to 0.1), double for hierarchical
  --help

Solomon / Gehring-Homberger: routes = customer numbers per used vehicle (depot left out);
  cost = distance (+ penalties for customers left out); vehicles = routes used.
Mankowska 2014: routes = one array per caregiver of { node, service, start }, node as in
  the file (1..N-2), service 0-based (the file's column, as in BRKGA solution files),
  start in minutes; cost = (D + T + Tmax) / 3.
exit codes: 0 solved (see "feasible"), 1 solver error, 2 bad arguments or input file.`;

export interface CliArgs {
  file: string;
  format?: InstanceFormat;
  timeLimitSec: number;
  seed: number;
  objective?: SolomonObjective;
  rounding?: SolomonRounding;
  help: boolean;
}

/** A mistake in how the CLI was called or in the file it was given: exit 2. */
export class UsageError extends Error {}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got '${value}'`);
  }
  return value as T;
}

function nonNegative(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`--${flag} must be a non-negative number, got '${value}'`);
  }
  return n;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        objective: { type: 'string' },
        rounding: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values as Record<string, string | undefined>;
  const help = Boolean(parsed.values.help);
  if (parsed.positionals.length > 1)
    throw new UsageError(`expected one FILE, got ${parsed.positionals.join(' ')}`);
  const file = parsed.positionals[0];
  if (!file && !help) throw new UsageError('missing FILE');
  const seed = nonNegative('seed', v.seed, 1);
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed must be a whole number, got '${v.seed}'`);
  return {
    file: file ?? '',
    format: oneOf('format', v.format, ['solomon', 'mankowska'] as const),
    timeLimitSec: nonNegative('time-limit', v['time-limit'], 10),
    seed,
    objective: oneOf('objective', v.objective, ['distance', 'hierarchical'] as const),
    rounding: oneOf('rounding', v.rounding, ['dimacs', 'double'] as const),
    help,
  };
}
