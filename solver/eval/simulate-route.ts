import type { ProblemData } from '../problem/problem-data.ts';
import type { RouteEval, ScheduleRecord } from './route-eval.ts';
import { RouteSimulator } from './route-simulator.ts';

const sim = new RouteSimulator();

/** Exact schedule of a whole route (see RouteSimulator for the rules applied). */
export function simulateRoute(
  d: ProblemData,
  k: number,
  seq: ArrayLike<number>,
  len: number,
  release: Float64Array | null,
  out: RouteEval,
  starts: Float64Array | null = null,
  rec?: ScheduleRecord,
): void {
  sim.begin(d, k, release, starts, rec);
  for (let i = 0; i < len; i++) sim.step(seq[i]);
  sim.finish(out);
}
