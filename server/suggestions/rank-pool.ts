import type { LiveVisit } from '../live-state/types.ts';
import type { RankAnswer, RankWorker } from './rank-in-worker.ts';

/** What suggestions need of the ranking threads: one worker or a pool of them. */
export interface Ranker {
  rank(code: string, visit: LiveVisit, now: Date, limit: number): Promise<RankAnswer>;
  close(): Promise<void>;
}

/**
 * Several ranking workers, each with its own copy of the live state; a request goes to the
 * one with the fewest waiting. One slow ranking (a wide window, many caregivers) then no
 * longer holds up every request queued behind it. Stopped workers are passed over; with none
 * left, `rank` answers null and the caller ranks on its own thread, as with one worker.
 */
export class RankPool implements Ranker {
  constructor(private readonly workers: readonly RankWorker[]) {}

  rank(code: string, visit: LiveVisit, now: Date, limit: number): Promise<RankAnswer> {
    let best: RankWorker | null = null;
    for (const w of this.workers) {
      const waiting = w.waiting;
      if (waiting >= 0 && (best === null || waiting < best.waiting)) best = w;
    }
    return best ? best.rank(code, visit, now, limit) : Promise.resolve(null);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
