import { mkdirSync, writeFileSync } from 'node:fs';
import type { LatencyResult } from './latency.ts';
import type { CaseResult } from './run-case.ts';

export interface BenchRun {
  machine: { cpu: string; cores: number; node: string; platform: string; loadAtStart?: number };
  date: string;
  command: string;
  seed: number;
  cases: CaseResult[];
  latency: LatencyResult | null;
  notes: string[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits);

function suiteTable(suite: string, rows: CaseResult[]): string[] {
  const withGap = rows.filter((r) => r.gapPct !== null && r.feasible);
  const hasVehicles = rows.some((r) => r.bestVehicles !== null);
  const out = [
    `### ${suite} (${rows[0].objective})`,
    '',
    `| instance | cost | best-known | gap % | vehicles${hasVehicles ? ' | best veh.' : ''} | limit s | time s | seed | feasible |`,
    `|---|---:|---:|---:|---:|${hasVehicles ? '---:|' : ''}---:|---:|---:|---|`,
  ];
  for (const r of rows) {
    out.push(
      `| ${r.instance} | ${fmt(r.cost)} | ${fmt(r.bestKnown)} | ${r.feasible ? fmt(r.gapPct) : '–'} | ${r.vehicles}${hasVehicles ? ` | ${r.bestVehicles ?? '–'}` : ''} | ${r.timeLimitSec} | ${fmt(r.runtimeMs / 1000)} | ${r.seed} | ${r.feasible ? 'yes' : `**no** ${r.violations[0] ?? 'unassigned visits'}`} |`,
    );
  }
  const vehiclesMatch = rows.filter(
    (r) => r.bestVehicles !== null && r.vehicles <= r.bestVehicles,
  ).length;
  out.push(
    '',
    `Mean gap ${fmt(mean(withGap.map((r) => r.gapPct!)))} % over ${withGap.length} feasible with a best-known; ` +
      `${rows.filter((r) => r.feasible).length}/${rows.length} feasible; mean time ${fmt(mean(rows.map((r) => r.runtimeMs / 1000)))} s` +
      (hasVehicles ? `; vehicles ≤ best-known on ${vehiclesMatch}/${rows.length}.` : '.'),
    '',
  );
  return out;
}

/** bench/results/NAME.md (for people) and NAME.json (for scripts), same content. */
export function writeResults(run: BenchRun, dir: URL, name = 'solver'): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(run, null, 2)}\n`);
  const suites = [...new Set(run.cases.map((c) => c.suite))];
  const md = [
    '# Solver benchmark',
    '',
    `Reproduce: \`${run.command}\``,
    '',
    `Machine: ${run.machine.cpu}, ${run.machine.cores} cores (one used, instances run one at a time), ` +
      `Node ${run.machine.node} on ${run.machine.platform}; ${run.date}; seed ${run.seed}` +
      (run.machine.loadAtStart === undefined
        ? '.'
        : `; load average ${run.machine.loadAtStart.toFixed(1)} at start.`),
    "Costs in the instances' own units, priced by the independent validator (solver/validate). " +
      'Gap % = (cost − best-known) / best-known on distance for the hierarchical suites, where vehicles are compared on their own.',
    '',
    ...run.notes.map((n) => `- ${n}`),
    ...(run.notes.length ? [''] : []),
    ...suites.flatMap((s) =>
      suiteTable(
        s,
        run.cases.filter((c) => c.suite === s),
      ),
    ),
  ];
  if (run.latency) {
    const l = run.latency;
    md.push(
      '### live insertion latency (rankInsertions)',
      '',
      `${l.scenario}: ${l.caregivers} caregivers, ${l.plannedVisits} planned visits, ${l.calls} calls after ${l.warmupCalls} warm-up.`,
      '',
      '| first call ms | median ms | p99 ms | max ms |',
      '|---:|---:|---:|---:|',
      `| ${l.firstCallMs} | ${l.medianMs} | ${l.p99Ms} | ${l.maxMs} |`,
      '',
    );
  }
  writeFileSync(new URL(`${name}.md`, dir), `${md.join('\n')}\n`);
}
