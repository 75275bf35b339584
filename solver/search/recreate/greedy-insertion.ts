import { CandidateList } from '../../insertion/candidate-list.ts';
import type { Rng } from '../../util/rng.ts';
import { InsertionDelta } from '../insertion-delta.ts';
import { syncPartners } from '../sync-group.ts';
import type { OperatorContext } from '../operators/operator.ts';

/** Above this many caregivers, insertion tries only routes near the visit. */
const GRANULAR_ROUTES_ABOVE = 40;

export interface Insertion {
  k: number;
  pos: number;
  delta: number;
}

/**
 * Greedy insertion with blinks (SISR, Christiaens & Vanden Berghe 2020): each visit goes
 * to its cheapest position, skipping each position with a small probability so repeated
 * recreates explore. A visit is kept out when placing it costs more than its penalty;
 * sync partners go in together or not at all.
 */
export class GreedyInsertion {
  private readonly cost: InsertionDelta;
  private readonly list = new CandidateList();
  private readonly triedKinds = new Set<number>();
  private readonly allRoutes: number[];
  private readonly routeScratch: number[] = [];
  private readonly seen = new Set<number>();
  /** Set by `insertEverywhere`: every route is a candidate, however many caregivers. */
  private everywhere = false;

  constructor(
    private readonly ctx: OperatorContext,
    private readonly neighbours: Int32Array[] | null = null,
  ) {
    this.allRoutes = Array.from({ length: ctx.d.K }, (_, k) => k);
    this.cost = new InsertionDelta(ctx.d, ctx.sol, ctx.ev);
  }

  /** Cheapest place for v; places costing `cutoff` or more are not priced exactly. */
  best(v: number, rng: Rng | null, blink: number, cutoff = Number.POSITIVE_INFINITY): Insertion {
    const { d, sol } = this.ctx;
    let best: Insertion = { k: -1, pos: -1, delta: cutoff };
    const general = !d.simpleTime || d.hasDistinct;
    if (general) this.list.clear();
    this.triedKinds.clear();
    for (const k of this.candidateRoutes(v)) {
      if (!d.allowed[v * d.K + k]) continue;
      // Identical empty caregivers price the same: try the first of each kind only.
      if (sol.routes[k].size === 0) {
        if (this.triedKinds.has(d.kindOf[k])) continue;
        this.triedKinds.add(d.kindOf[k]);
      }
      if (general) this.cost.pushBounds(v, k, rng, blink, this.list, this.everywhere);
      else if (this.cost.bestInRoute(v, k, best.delta, rng, blink)) {
        best = { k, pos: this.cost.bestPos, delta: this.cost.bestDelta };
      }
    }
    if (general) {
      // All places of all routes in one bound order: few exact prices per visit.
      const k = this.cost.priceBest(v, this.list, cutoff);
      if (k >= 0) best = { k, pos: this.cost.bestPos, delta: this.cost.bestDelta };
    }
    return best;
  }

  /**
   * Routes worth trying for v. With many caregivers only those serving one of v's
   * granular neighbours, plus the empty ones (one per kind is priced): a route far from
   * all of v's neighbours is very unlikely to be the cheapest place.
   */
  private candidateRoutes(v: number): Iterable<number> {
    const { d, sol } = this.ctx;
    if (this.everywhere || d.K <= GRANULAR_ROUTES_ABOVE || this.neighbours === null)
      return this.allRoutes;
    const out = this.routeScratch;
    out.length = 0;
    this.seen.clear();
    for (const u of this.neighbours[v]) {
      const k = sol.routeOf[u];
      if (k >= 0 && !this.seen.has(k)) {
        this.seen.add(k);
        out.push(k);
      }
    }
    for (let k = 0; k < d.K; k++) if (sol.routes[k].size === 0) out.push(k);
    if (out.length === 0) return this.allRoutes;
    return out;
  }

  /**
   * The full pass: as `insertAll` without blinks, but every route is tried for each visit,
   * not only those near its granular neighbours, so a visit whose only place is on a route
   * far from its neighbours is found. Each place is still bounded cheaply first and priced
   * exactly in bound order, so only the best few are priced.
   */
  insertEverywhere(visits: readonly number[], stop?: () => boolean): Set<number> {
    this.everywhere = true;
    try {
      return this.insertAll(visits, null, 0, stop);
    } finally {
      this.everywhere = false;
    }
  }

  /** Inserts what is worth inserting, in the given order; returns the routes changed. */
  insertAll(
    visits: readonly number[],
    rng: Rng | null,
    blink: number,
    /** Checked before each visit: when true, the rest stay unassigned. */
    stop?: () => boolean,
  ): Set<number> {
    const { d, sol } = this.ctx;
    const changed = new Set<number>();
    for (const v of visits) {
      if (stop?.()) break;
      if (sol.routeOf[v] >= 0) continue;
      const partners = syncPartners(this.ctx, v);
      if (partners.length === 0) {
        const ins = this.best(v, rng, blink, d.penalty[v]);
        if (ins.k >= 0 && ins.delta < d.penalty[v]) {
          sol.insert(v, ins.k, ins.pos);
          sol.commit();
          changed.add(ins.k);
        }
        continue;
      }
      // A sync group: place each member in turn; undo all when the group does not pay.
      const group = [v, ...partners.filter((p) => sol.routeOf[p] < 0)];
      let total = 0;
      let penalty = 0;
      const placed: number[] = [];
      for (const g of group) {
        penalty += d.penalty[g];
        const ins = this.best(g, rng, blink);
        if (ins.k < 0 || ins.delta === Number.POSITIVE_INFINITY) {
          total = Number.POSITIVE_INFINITY;
          break;
        }
        sol.insert(g, ins.k, ins.pos);
        sol.commit();
        placed.push(g);
        total += ins.delta;
      }
      if (total < penalty) {
        for (const g of placed) changed.add(sol.routeOf[g]);
      } else {
        for (const g of placed) sol.remove(g);
        sol.commit();
      }
    }
    return changed;
  }
}
