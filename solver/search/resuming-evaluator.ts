import type { RouteEval } from '../eval/route-eval.ts';
import { RouteSimulator, STATE } from '../eval/route-simulator.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import type { Proposal } from './proposal.ts';
import type { Route } from './route.ts';
import type { SearchSolution } from './search-solution.ts';

/**
 * Exact evaluation of a proposal on the general path without re-simulating what did not
 * change: it starts from the cached state after the proposal's unchanged prefix of the
 * caregiver's own route, and when the proposal ends with that route's own suffix it stops
 * as soon as the new schedule meets the old one (same time, stretch and breaks), taking
 * the rest of the totals from the cache. Most moves then cost O(changed part).
 */
export class ResumingEvaluator {
  private readonly sim = new RouteSimulator();

  constructor(
    private readonly d: ProblemData,
    private readonly sol: SearchSolution,
  ) {}

  /** `seq` is the proposal's visit order (already built). */
  run(p: Proposal, seq: number[], out: RouteEval): void {
    const d = this.d;
    const k = p.k;
    const R = this.sol.routes[k];
    const sim = this.sim;
    sim.begin(d, k, null);
    const usable = !R.statesRelease && p.n > 0;
    let start = 0;
    if (usable && p.route[0] === k && p.from[0] === 1) {
      start = p.to[0];
      sim.restore(R.states, start);
    }
    // Where the route's own suffix starts in seq, and at which route position.
    let tailAt = seq.length;
    let tailPos = 0;
    const last = p.n - 1;
    if (usable && p.n > 1 && p.route[last] === k && p.to[last] === R.size) {
      tailPos = p.from[last];
      tailAt = seq.length - (R.size - tailPos + 1);
    }
    const states = R.states;
    for (let i = start; i < seq.length; i++) {
      sim.step(seq[i]);
      if (i >= tailAt) {
        const pos = tailPos + (i - tailAt);
        if (sim.meets(states, pos)) {
          this.finishFromCache(R, pos, seq.length, out);
          return;
        }
      }
    }
    sim.finish(out);
  }

  /** The new schedule equals the old one from route position `pos` on. */
  private finishFromCache(R: Route, pos: number, visits: number, out: RouteEval): void {
    const sim = this.sim;
    const o = pos * STATE;
    const st = R.states;
    const fin = R.ev;
    out.reset();
    out.arc = sim.arc + fin.arc - st[o + 6];
    out.travelTime = sim.travel + fin.travelTime - st[o + 7];
    out.distance = sim.dist + fin.distance - st[o + 8];
    out.load = sim.load + fin.load - st[o + 9];
    out.assign = sim.assign + fin.assign - st[o + 10];
    out.timeViol = sim.viol + fin.timeViol - st[o + 3];
    out.lateness = sim.late + fin.lateness - st[o + 4];
    out.maxLate = Math.max(sim.maxLate, R.sufMaxLate[pos + 1]);
    out.departure = sim.departure;
    out.arrival = fin.arrival;
    out.overtime = fin.overtime;
    out.visits = visits;
  }
}
