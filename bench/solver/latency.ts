import { liveScenario } from './synthetic.ts';

export interface LatencyResult {
  scenario: string;
  caregivers: number;
  plannedVisits: number;
  calls: number;
  warmupCalls: number;
  firstCallMs: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  seed: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * Live insertion latency: how long a dispatcher waits for ranked slots for one new visit
 * in a big plan. The first call is reported apart (it may build caches); warm-up calls
 * are not counted; each timed call ranks a different new visit.
 */
export async function insertionLatency(
  seed: number,
  calls: number,
  warmupCalls = 20,
): Promise<LatencyResult> {
  const { rankInsertions } = await import('../../solver/insertion/rank-insertions.ts');
  const { input, current, candidates } = liveScenario(seed);
  const t0 = performance.now();
  rankInsertions(input, current, candidates[0]);
  const firstCallMs = performance.now() - t0;
  for (let i = 0; i < warmupCalls; i++)
    rankInsertions(input, current, candidates[(i + 1) % candidates.length]);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const visit = candidates[i % candidates.length];
    const start = performance.now();
    rankInsertions(input, current, visit);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = (x: number) => Number(x.toFixed(3));
  return {
    scenario: input.name,
    caregivers: input.caregivers.length,
    plannedVisits: input.visits.length - candidates.length,
    calls,
    warmupCalls,
    firstCallMs: ms(firstCallMs),
    medianMs: ms(quantile(times, 0.5)),
    p99Ms: ms(quantile(times, 0.99)),
    maxMs: ms(times.at(-1) ?? 0),
    seed,
  };
}
