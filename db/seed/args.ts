/** Command-line arguments of `npm run seed` (kept apart from cli.ts so tests can import it). */
import { DateTime } from 'luxon';
import { MUNICIPALITY_CODES } from '../reference/municipalities.ts';
import { ZONE } from './local-time.ts';
import { DEFAULT_SCALE, DEFAULT_SEED, type SeedOptions, validateSeedOptions } from './seed.ts';

/** Solver time per municipality for --plan: plenty for the default scale's small days. */
export const DEFAULT_PLAN_MS = 300;

export const USAGE = `usage: npm run seed -- [--seed N] [--scale X] [--today YYYY-MM-DD] [--municipality CODE ...] [--reset] [--plan [--plan-ms MS]]
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
Database: DATABASE_URL (PostgreSQL), else PGlite in \${DATA_DIR:-./data}/pglite.`;

export class UsageError extends Error {}

export interface CliArgs {
  options: SeedOptions;
  reset: boolean;
  /** Plan today's service day after seeding, with this solver time per municipality (ms). */
  plan: { timeLimitMs: number } | null;
  help: boolean;
}

export function parseSeedArgs(argv: readonly string[], now: DateTime = DateTime.now()): CliArgs {
  const args: CliArgs = {
    options: { seed: DEFAULT_SEED, scale: DEFAULT_SCALE, today: now.setZone(ZONE).toISODate()! },
    reset: false,
    plan: null,
    help: false,
  };
  let planMs: number | null = null;
  const codes: string[] = [];
  const tokens = argv.flatMap((a) => {
    const eq = a.indexOf('=');
    return a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a];
  });
  const value = (i: number, flag: string): string => {
    const v = tokens[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < tokens.length; i++) {
    const flag = tokens[i];
    switch (flag) {
      case '--seed': {
        const v = value(i++, flag);
        if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v)))
          throw new UsageError(`--seed must be an integer, got '${v}'`);
        args.options.seed = Number(v);
        break;
      }
      case '--scale': {
        const v = value(i++, flag);
        const x = Number(v);
        if (v.trim() === '' || !Number.isFinite(x) || x <= 0 || x > 10)
          throw new UsageError(`--scale must be a number in (0, 10], got '${v}'`);
        args.options.scale = x;
        break;
      }
      case '--today': {
        const v = value(i++, flag);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !DateTime.fromISO(v, { zone: ZONE }).isValid) {
          throw new UsageError(`--today must be a date YYYY-MM-DD, got '${v}'`);
        }
        args.options.today = v;
        break;
      }
      case '--municipality': {
        value(i, flag);
        while (i + 1 < tokens.length && !tokens[i + 1].startsWith('--')) {
          for (const code of tokens[++i].split(',').filter((c) => c !== '')) {
            if (!MUNICIPALITY_CODES.includes(code)) {
              throw new UsageError(
                `unknown municipality code '${code}' (known: ${MUNICIPALITY_CODES.join(' ')})`,
              );
            }
            if (!codes.includes(code)) codes.push(code);
          }
        }
        break;
      }
      case '--reset':
        args.reset = true;
        break;
      case '--plan':
        args.plan = { timeLimitMs: DEFAULT_PLAN_MS };
        break;
      case '--plan-ms': {
        const v = value(i++, flag);
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 600_000)
          throw new UsageError(`--plan-ms must be a whole number of ms in [1, 600000], got '${v}'`);
        planMs = Number(v);
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`unknown argument '${flag}'`);
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
