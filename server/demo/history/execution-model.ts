import type { TravelMode } from '../../../db/reference/professions.ts';
import type { Rng } from '../../../db/seed/prng.ts';
import { DEFAULT_ESTIMATE, type EstimateOptions } from '../../solver-bridge/travel.ts';

/**
 * How the demo's caregivers really travel: the roads a little longer than the estimate's
 * detour, cars a little slower with more time to park, bikes a little faster. The plan uses
 * the estimate (DEFAULT_ESTIMATE); the difference is what `npm run travel:calibrate` should
 * find in the demo history.
 */
export const TRUE_TRAVEL: EstimateOptions = {
  detourFactor: 1.4,
  bufferFactor: 1,
  bufferSeconds: 0,
  modes: {
    car: { kmh: 27, overheadSeconds: 300 },
    bike: { kmh: 16, overheadSeconds: 90 },
    walk: { kmh: 4.8, overheadSeconds: 30 },
    transit: { kmh: 17, overheadSeconds: 480 },
  },
};
export const PLANNED_TRAVEL: EstimateOptions = DEFAULT_ESTIMATE;

/** The odds of what happens at a visit (each an assumption of the demo, not a measurement). */
export const EXECUTION = {
  /** The patient or family cancels a planned visit (hospital, relatives visiting). */
  cancelled: 0.015,
  /** Nobody opens: the caregiver waits, calls, and leaves. */
  noAccess: 0.025,
  /** A route starts late (a handover, the car, the keys). */
  lateRouteStart: 0.1,
  /** Spread of a trip's time around the true travel (log-normal sigma). */
  travelSigma: 0.2,
  /** Spread of a visit's length around its planned minutes (log-normal sigma). */
  durationSigma: 0.18,
};

/** A normal variate from two uniforms (Box–Muller). */
export function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** A multiplicative deviation: exp(N(0, sigma)), kept within [lo, hi]. */
export function factor(rng: Rng, sigma: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.exp(normal(rng) * sigma)));
}

export type TravelModeOf = (staffId: string) => TravelMode;
