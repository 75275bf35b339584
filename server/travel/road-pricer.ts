import type { TravelMode } from '../../db/reference/professions.ts';
import type { EstimateOptions } from '../solver-bridge/travel.ts';

/**
 * Seconds for one road-network trip of `roadSeconds` driving (cycling, walking) time: the
 * router knows the roads, not the door-to-door part (parking, stairs, locking the bike), so
 * the mode's allowance and the staff's buffer are added as they are to the estimate.
 * The detour factor and speed are not: the router's route has them.
 */
export function roadPricer(mode: TravelMode, o: EstimateOptions): (roadSeconds: number) => number {
  const overhead = o.modes[mode].overheadSeconds;
  const min = o.minSeconds ?? 0;
  return (roadSeconds) =>
    Math.max(min, Math.round((roadSeconds + overhead) * o.bufferFactor + o.bufferSeconds));
}
