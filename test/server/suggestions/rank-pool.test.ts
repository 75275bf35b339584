import { describe, expect, it } from 'vitest';
import type { RankAnswer, RankWorker } from '../../../server/suggestions/rank-in-worker.ts';
import { RankPool } from '../../../server/suggestions/rank-pool.ts';
import type { LiveVisit } from '../../../server/live-state/types.ts';

/** A worker as the pool sees it: how many wait, and who was asked. */
function fake(name: string, waiting: number, asked: string[]) {
  const w = {
    waiting,
    closed: false,
    rank: async (): Promise<RankAnswer> => {
      asked.push(name);
      return [];
    },
    close: async () => {
      w.closed = true;
    },
  };
  return w;
}
const pool = (workers: ReturnType<typeof fake>[]) =>
  new RankPool(workers as unknown as RankWorker[]);
const visit = {} as LiveVisit;
const now = new Date(0);

describe('RankPool', () => {
  it('sends a ranking to the worker with the fewest waiting', async () => {
    const asked: string[] = [];
    const p = pool([fake('a', 3, asked), fake('b', 1, asked), fake('c', 2, asked)]);
    expect(await p.rank('0180', visit, now, 5)).toEqual([]);
    expect(asked).toEqual(['b']);
  });

  it('passes over stopped workers, and answers null when none runs', async () => {
    const asked: string[] = [];
    expect(
      await pool([fake('a', -1, asked), fake('b', 7, asked)]).rank('0180', visit, now, 5),
    ).toEqual([]);
    expect(asked).toEqual(['b']);
    expect(await pool([fake('a', -1, asked)]).rank('0180', visit, now, 5)).toBeNull();
    expect(asked).toEqual(['b']);
  });

  it('closes every worker', async () => {
    const workers = [fake('a', 0, []), fake('b', 0, [])];
    await pool(workers).close();
    expect(workers.map((w) => w.closed)).toEqual([true, true]);
  });
});
