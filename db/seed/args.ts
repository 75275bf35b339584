/** Command-line arguments of `npm run seed` (kept apart from cli.ts so tests can import it). */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { MUNICIPALITY_CODES } from '../reference/municipalities.ts';
import { ZONE } from './local-time.ts';
import { DEFAULT_SCALE, DEFAULT_SEED, type SeedOptions, validateSeedOptions } from './seed.ts';

/** Solver time per municipality for --plan: plenty for the default scale's small days. */
export const DEFAULT_PLAN_MS = 300;
/** Past days the seed generates after today's data (planned, then worked): the demo's month. */
export const DEFAULT_HISTORY_DAYS = 28;

export const USAGE = `usage: npm run seed -- [--seed N] [--scale X] [--today YYYY-MM-DD] [--municipality CODE ...] [--reset] [--plan [--plan-ms MS]] [--history-days N]
  --seed N              PRNG seed, an integer (default ${DEFAULT_SEED})
  --scale X             visits ≈ 3 × X per 1,000 inhabitants a day (default ${DEFAULT_SCALE})
  --today YYYY-MM-DD    local date of the first demo day (default: today in ${ZONE})
  --municipality CODE   populate only these municipalities (repeat or list; default all 26)
  --reset               delete every row first (otherwise a non-empty database is refused)
  --plan                then plan today's service day (midnight to 07:30 next morning) of each
                        municipality with the solver; visits planned to end before now are
                        recorded as done, those under way as in progress
  --plan-ms MS          solver time per municipality, in ms (default ${DEFAULT_PLAN_MS}; the
                        construction of a large day can take longer than this)
  --history-days N      then generate the N days before today (0 to 90, default ${DEFAULT_HISTORY_DAYS}):
                        each day's visits planned by the solver and worked with plausible
                        deviations (statuses, actual times, status events, urgent calls)
Database: DATABASE_URL (PostgreSQL), else PGlite in \${DATA_DIR:-./data}/pglite.`;

export class UsageError extends Error {}

export interface CliArgs {
  options: SeedOptions;
  reset: boolean;
  /** Plan today's service day after seeding, with this solver time per municipality (ms). */
  plan: { timeLimitMs: number } | null;
  /** Past days to generate after seeding (0: none). */
  historyDays: number;
  help: boolean;
}

const OPTIONS = {
  seed: { type: 'string' },
  scale: { type: 'string' },
  today: { type: 'string' },
  municipality: { type: 'string' },
  reset: { type: 'boolean' },
  plan: { type: 'boolean' },
  'plan-ms': { type: 'string' },
  'history-days': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseSeedArgs(argv: readonly string[], now: DateTime = DateTime.now()): CliArgs {
  const args: CliArgs = {
    options: { seed: DEFAULT_SEED, scale: DEFAULT_SCALE, today: now.setZone(ZONE).toISODate()! },
    reset: false,
    plan: null,
    historyDays: DEFAULT_HISTORY_DAYS,
    help: false,
  };
  let planMs: number | null = null;
  const codes: string[] = [];
  const addCodes = (list: string) => {
    for (const code of list.split(',').filter((c) => c !== '')) {
      if (!MUNICIPALITY_CODES.includes(code)) {
        throw new UsageError(
          `unknown municipality code '${code}' (known: ${MUNICIPALITY_CODES.join(' ')})`,
        );
      }
      if (!codes.includes(code)) codes.push(code);
    }
  };
  // Not strict: the checks and messages below are this CLI's own, in the order given.
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let previous: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      // `--municipality 0180 0184`: the codes after the flag belong to it.
      if (previous !== 'municipality') throw new UsageError(`unknown argument '${token.value}'`);
      addCodes(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') throw new UsageError(`unknown argument '--'`);
    previous = token.name;
    const flag = `--${token.name}`;
    if (!Object.hasOwn(OPTIONS, token.name))
      throw new UsageError(`unknown argument '${token.rawName}'`);
    const isString = OPTIONS[token.name as keyof typeof OPTIONS].type === 'string';
    const v = token.value;
    if (!isString && v !== undefined) throw new UsageError(`${flag} takes no value, got '${v}'`);
    if (isString && (v === undefined || (!token.inlineValue && v.startsWith('--'))))
      throw new UsageError(`${flag} needs a value`);
    switch (token.name) {
      case 'seed':
        if (!/^-?\d+$/.test(v!) || !Number.isSafeInteger(Number(v)))
          throw new UsageError(`--seed must be an integer, got '${v}'`);
        args.options.seed = Number(v);
        break;
      case 'scale': {
        const x = Number(v);
        if (v!.trim() === '' || !Number.isFinite(x) || x <= 0 || x > 10)
          throw new UsageError(`--scale must be a number in (0, 10], got '${v}'`);
        args.options.scale = x;
        break;
      }
      case 'today':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v!) || !DateTime.fromISO(v!, { zone: ZONE }).isValid) {
          throw new UsageError(`--today must be a date YYYY-MM-DD, got '${v}'`);
        }
        args.options.today = v!;
        break;
      case 'municipality':
        addCodes(v!);
        break;
      case 'reset':
        args.reset = true;
        break;
      case 'plan':
        args.plan = { timeLimitMs: DEFAULT_PLAN_MS };
        break;
      case 'plan-ms':
        if (!/^\d+$/.test(v!) || Number(v) < 1 || Number(v) > 600_000)
          throw new UsageError(`--plan-ms must be a whole number of ms in [1, 600000], got '${v}'`);
        planMs = Number(v);
        break;
      case 'history-days':
        if (!/^\d+$/.test(v!) || Number(v) > 90)
          throw new UsageError(`--history-days must be a whole number in [0, 90], got '${v}'`);
        args.historyDays = Number(v);
        break;
      case 'help':
        args.help = true;
        break;
    }
  }
  if (codes.length > 0) args.options.municipalities = codes;
  if (planMs !== null) {
    if (!args.plan) throw new UsageError('--plan-ms needs --plan');
    args.plan.timeLimitMs = planMs;
  }
  validateSeedOptions(args.options);
  return args;
}
