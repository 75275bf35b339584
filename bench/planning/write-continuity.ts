import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { PeriodResult } from './plan-period.ts';
import { describeSettings } from './settings.ts';

export interface ContinuityRun {
  date: string;
  command: string;
  machine: Record<string, string | number>;
  wallSeconds: number;
  world: {
    municipality: string;
    scale: number;
    teamsOf: number;
    worldSeed: number;
    firstDay: string;
    days: number;
    staffFactor: number;
    teams: number;
    staff: number;
    patients: number;
    visits: number;
    shiftsPerDay: number[];
  };
  budget: { seed: number; iterations: number; timeLimitMs: number; localSearch: boolean };
  /** The first is the travel-only baseline. */
  runs: PeriodResult[];
}

/** The target of issue 18: median ≤ 6 distinct caregivers at ≤ 5 % more travel. */
export const TARGET = { median: 6, extraTravelPct: 5 };

/** The local date in the period whose UTC offset differs from the day before's, if any. */
function clockChange(firstDay: string, days: number): string | null {
  const first = DateTime.fromISO(firstDay, { zone: 'Europe/Stockholm' }).set({ hour: 12 });
  for (let i = 1; i < days; i++) {
    const d = first.plus({ days: i });
    if (d.offset !== d.minus({ days: 1 }).offset) return d.toISODate();
  }
  return null;
}

const h = (s: number) => (s / 3600).toFixed(1);
const pct = (a: number, b: number) => (b === 0 ? 0 : ((a - b) / b) * 100);

export function extraTravelPct(run: PeriodResult, baseline: PeriodResult): number {
  return pct(run.totals.travelSeconds, baseline.totals.travelSeconds);
}

export function meetsTarget(run: PeriodResult, baseline: PeriodResult): boolean {
  return (
    run.indicator.daytime.median <= TARGET.median &&
    extraTravelPct(run, baseline) <= TARGET.extraTravelPct
  );
}

/** Writes `<name>.md` and `<name>.json` in `dir` (none when null); returns the markdown. */
export function writeContinuity(r: ContinuityRun, dir: string | null, name: string): string {
  const [base, ...rest] = r.runs;
  const w = r.world;
  const rows = r.runs.map((run) => {
    const d = run.indicator.daytime;
    const a = run.indicator.allHours;
    const t = run.totals;
    const extra =
      run === base
        ? '–'
        : `${extraTravelPct(run, base) >= 0 ? '+' : ''}${extraTravelPct(run, base).toFixed(1)} %`;
    const target = run === base ? '–' : meetsTarget(run, base) ? 'yes' : 'no';
    return (
      `| ${run.settings.name} | ${d.median} | ${d.p90} | ${d.mean.toFixed(1)} | ${a.median} | ${a.p90} | ${a.mean.toFixed(1)} | ` +
      `${h(t.travelSeconds)} | ${extra} | ${t.unplaced} | ${h(t.latenessSeconds)} | ${h(t.overtimeSeconds)} | ${target} |`
    );
  });
  const md = [
    '# Continuity over 14 days: the Kolada indicator against a travel-only plan',
    '',
    `Run ${r.date}: \`${r.command}\` (${r.wallSeconds} s).`,
    '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.platform}, Node ${r.machine.node}; ` +
      `load average ${Number(r.machine.loadAtStart).toFixed(1)} at the start, ${Number(r.machine.loadAtEnd).toFixed(1)} at the end (shared with other work).`,
    '',
    `World: municipality ${w.municipality} at scale ${w.scale} (demo generator seed ${w.worldSeed}), ${w.teams} of its ${w.teamsOf} teams ` +
      `(their staff, and the patients nearest their bases), ` +
      `${w.staff} staff on a two-week rota with every other weekend off (groups × ${w.staffFactor}; ` +
      `shifts a day ${Math.min(...w.shiftsPerDay)}–${Math.max(...w.shiftsPerDay)}), ${w.patients} patients, ` +
      `${w.visits} visits over ${w.days} days from ${w.firstDay}` +
      (clockChange(w.firstDay, w.days)
        ? ` (the clock change of ${clockChange(w.firstDay, w.days)} inside).`
        : '.'),
    '',
    `Budget per day and plan: ${r.budget.iterations} iterations of ruin-and-recreate after construction and local ` +
      `search (deterministic for seed ${r.budget.seed}; a wall-clock cap of ${r.budget.timeLimitMs / 1000} s was ` +
      `reached on ${r.runs.reduce((a, x) => a + x.totals.daysAtTimeLimit, 0)} of ${r.runs.length * w.days} day plans). ` +
      `Every day's plan was accepted by the validator (solver/validate).`,
    '',
    `Indicator (Kolada, "personalkontinuitet"): patients with ≥ 2 visits due 07:00–22:00 Stockholm time on every ` +
      `day of the period; distinct staff met at visits planned to start 07:00–22:00 (and at any hour), over the period. ` +
      `${base.indicator.daytime.patients} patients count. Target: median ≤ ${TARGET.median} at ≤ ${TARGET.extraTravelPct} % more travel than travel-only.`,
    '',
    '| settings | median 07–22 | p90 | mean | median all hours | p90 | mean | travel h | travel vs travel-only | unplaced | lateness h | overtime h | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    'Settings:',
    '',
    ...r.runs.map((run) => `- ${run.settings.name}: ${describeSettings(run.settings)}`),
    '',
    'Per day (travel h / unplaced; solver seconds):',
    '',
    `| date | ${r.runs.map((x) => x.settings.name).join(' | ')} |`,
    `| --- | ${r.runs.map(() => '---:').join(' | ')} |`,
    ...base.days.map(
      (d, i) =>
        `| ${d.date} | ${r.runs
          .map(
            (x) =>
              `${h(x.days[i].travelSeconds)} / ${x.days[i].unplaced}; ${(x.days[i].solveMs / 1000).toFixed(0)} s`,
          )
          .join(' | ')} |`,
    ),
    '',
  ].join('\n');
  void rest;
  if (dir !== null) {
    writeFileSync(join(dir, `${name}.md`), md);
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(r, null, 2)}\n`);
  }
  return md;
}
