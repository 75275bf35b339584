/**
 * `npm run --silent solve -- FILE [options]`: solve one benchmark file, validate the result
 * independently, print one JSON object on stdout. See USAGE in args.ts.
 */
import { ParseError } from '../../solver/io/parse-error.ts';
import { solve } from '../../solver/solve.ts';
import { validate } from '../../solver/validate/validate.ts';
import { parseCliArgs, USAGE, UsageError } from './args.ts';
import { loadInstance } from './load-instance.ts';
import { progressPrinter } from './progress.ts';
import { buildReport } from './report.ts';

function main(argv: string[]): number {
  const args = parseCliArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const loaded = loadInstance(args.file, args);
  const { input } = loaded;
  process.stderr.write(
    `solve: ${input.name} (${loaded.format}, ${loaded.objective}), ${input.visits.length} visits, ` +
      `${input.caregivers.length} caregivers, seed ${args.seed}, ${args.timeLimitSec} s\n`,
  );
  const started = performance.now();
  const solution = solve(input, {
    seed: args.seed,
    timeLimitMs: args.timeLimitSec * 1000,
    clock: () => performance.now(),
    onProgress: progressPrinter(input.scale * loaded.costDivisor, (line) =>
      process.stderr.write(`${line}\n`),
    ),
  });
  const runtimeMs = performance.now() - started;
  const check = validate(input, solution);
  if (!check.valid)
    process.stderr.write(`solve: validator found ${check.violations.length} problem(s)\n`);
  process.stdout.write(`${JSON.stringify(buildReport(loaded, solution, check, runtimeMs))}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || e instanceof ParseError) {
    process.stderr.write(
      `solve: ${e.message}\n${e instanceof UsageError ? 'run with --help for usage\n' : ''}`,
    );
    process.exitCode = 2;
  } else {
    process.stderr.write(`solve: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
