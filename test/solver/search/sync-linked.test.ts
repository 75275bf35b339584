import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PenaltyManager } from '../../../solver/eval/penalty-manager.ts';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import { type ProblemData, prepareProblem } from '../../../solver/problem/problem-data.ts';
import { MoveEvaluator } from '../../../solver/search/move-evaluator.ts';
import { Proposal } from '../../../solver/search/proposal.ts';
import { SearchSolution } from '../../../solver/search/search-solution.ts';
import { Rng } from '../../../solver/util/rng.ts';
import { randomInstance } from '../helpers/random-instance.ts';

/**
 * Commits and sync moves reschedule only the routes linked to the change through sync
 * pairs. These properties hold that to what rescheduling every route gives.
 */
const syncHeavy = randomInstance
  .filter((i) => i.visits.length >= 6 && i.caregivers.length >= 3)
  .chain((input) =>
    fc
      .array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 })), {
        minLength: 2,
        maxLength: Math.floor(input.visits.length / 2),
      })
      .map((pairs): ProblemInput => {
        // Pairs (0,1), (2,3) …: two-person visits and gapped ones, several groups of routes.
        input.syncs = pairs.map(([together, gap], i) => ({
          first: 2 * i,
          second: 2 * i + 1,
          minGap: together ? 0 : gap,
          maxGap: together ? 0 : gap + 40,
        }));
        for (const v of input.visits) v.pinnedCaregiver = -1;
        return input;
      }),
  );

/** The search's prices with fixed penalty weights. */
const PEN = (d: ProblemData) => new PenaltyManager(d, 7, 3).cost;

/** A random change: insert an unassigned visit, remove one, or move one. */
function randomChange(d: ProblemData, sol: SearchSolution, rng: Rng): void {
  const v = rng.int(d.N);
  const k = rng.int(d.K);
  if (sol.routeOf[v] >= 0 && rng.next() < 0.4) sol.remove(v);
  else {
    sol.remove(v);
    sol.insert(v, k, 1 + rng.int(sol.routes[k].size + 1));
  }
}

/** The same routes committed from scratch: every route rescheduled. */
function recomputed(d: ProblemData, sol: SearchSolution): SearchSolution {
  const fresh = new SearchSolution(d);
  for (let k = 0; k < d.K; k++) fresh.setVisits(k, sol.routes[k].visits.slice());
  fresh.commit();
  return fresh;
}

describe('sync groups rescheduled alone', () => {
  it('a commit leaves every route as a full recomputation would', () => {
    fc.assert(
      fc.property(syncHeavy, fc.integer({ min: 0, max: 10_000 }), (input, seed) => {
        const d = prepareProblem(input);
        const sol = new SearchSolution(d);
        const rng = new Rng(seed);
        for (let step = 0; step < 25; step++) {
          for (let n = 1 + rng.int(3); n > 0; n--) randomChange(d, sol, rng);
          sol.commit();
          const full = recomputed(d, sol);
          expect(sol.syncBroken).toBe(full.syncBroken);
          if (sol.syncBroken) continue;
          for (let k = 0; k < d.K; k++) {
            const [a, b] = [sol.routes[k].ev, full.routes[k].ev];
            expect([a.arc, a.timeViol, a.lateness, a.maxLate, a.overtime, a.arrival]).toEqual([
              b.arc,
              b.timeViol,
              b.lateness,
              b.maxLate,
              b.overtime,
              b.arrival,
            ]);
          }
          expect(sol.cost(PEN(d))).toBeCloseTo(full.cost(PEN(d)), 6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a sync move is priced at exactly the cost change that applying it makes', () => {
    fc.assert(
      fc.property(syncHeavy, fc.integer({ min: 0, max: 10_000 }), (input, seed) => {
        const d = prepareProblem(input);
        const sol = new SearchSolution(d);
        const ev = new MoveEvaluator(d, sol, PEN(d));
        const rng = new Rng(seed);
        const p1 = new Proposal();
        const p2 = new Proposal();
        for (let v = 0; v < d.N; v++) {
          if (rng.next() < 0.7) sol.insert(v, rng.int(d.K), 1);
        }
        sol.commit();
        for (let step = 0; step < 20; step++) {
          const before = sol.cost(ev.cost);
          const v = rng.int(d.N);
          const to = rng.int(d.K);
          const from = sol.routeOf[v];
          if (!Number.isFinite(before) || from === to) {
            randomChange(d, sol, rng);
            sol.commit();
            continue;
          }
          // Insert v into route `to` at pos; when assigned, take it out of its route.
          const n = sol.routes[to].size;
          const pos = 1 + rng.int(n + 1);
          p2.reset(to)
            .slice(to, 1, pos - 1)
            .visit(v)
            .slice(to, pos, n);
          let delta: number;
          if (from >= 0) {
            const at = sol.routes[from].visits.indexOf(v) + 1;
            p1.reset(from)
              .slice(from, 1, at - 1)
              .slice(from, at + 1, sol.routes[from].size);
            delta = ev.delta(p1, p2);
          } else delta = ev.delta(p2) - d.penalty[v];
          sol.remove(v);
          sol.insert(v, to, pos);
          sol.commit();
          const after = sol.cost(ev.cost);
          // INF also means "not allowed there" (skills, exclusions): nothing to compare.
          if (Number.isFinite(delta)) expect(after - before).toBeCloseTo(delta, 6);
        }
      }),
      { numRuns: 150 },
    );
  });
});
