import { parentPort, workerData } from 'node:worker_threads';
import { type EstimateOptions, estimateTravel } from '../solver-bridge/travel.ts';
import { MunicipalityState } from '../live-state/municipality-state.ts';
import { PositionStore } from '../positions/positions.ts';
import type { FromRankWorker, ToRankWorker } from './rank-messages.ts';
import { rankCaregivers } from './rank-caregivers.ts';

/**
 * Worker side of RankWorker: a copy of every municipality's live state, kept by applying the
 * same events in the same order as the main thread, and the ranking of caregivers on it.
 * A copy that does not follow an event is dropped: its requests are answered null (the main
 * thread ranks them itself) until the main thread sends the municipality read again.
 */
const states = new Map<string, MunicipalityState>();
const positions = new PositionStore();
const post = (m: FromRankWorker) => parentPort?.postMessage(m);
/** The configured estimate (TRAVEL_*), as the main thread's; unset: the built-in one. */
const estimate = (workerData as { estimate?: EstimateOptions } | null)?.estimate;
const travel = estimate ? estimateTravel(estimate) : undefined;

parentPort?.on('message', (m: ToRankWorker) => {
  if (m.type === 'read') states.set(m.data.code, MunicipalityState.fromData(m.data));
  else if (m.type === 'applied') {
    const s = states.get(m.code);
    if (s && s.apply(m.event) !== 'applied') states.delete(m.code);
  } else {
    // Kept before anything else: the main thread sends each fix once.
    for (const p of m.positions) positions.set(p);
    if (Date.now() > m.deadline)
      return post({ type: 'ranked', id: m.id, ranked: null, expired: true });
    const s = states.get(m.code);
    if (!s) return post({ type: 'ranked', id: m.id, ranked: null });
    const now = new Date(m.now);
    try {
      const ranked = rankCaregivers(s, m.visit, {
        now,
        limit: m.limit,
        travel,
        positionOf: (id) => positions.get(id, now),
      });
      post({ type: 'ranked', id: m.id, ranked });
    } catch (err) {
      post({ type: 'ranked', id: m.id, ranked: null, error: String(err) });
    }
  }
});

post({ type: 'ready' });
