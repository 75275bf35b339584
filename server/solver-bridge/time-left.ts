/** The least the solver is given after its worker has started (or the whole limit, when less). */
export const MIN_AFTER_START_MS = 100;

/**
 * A caller's time limit runs from its request, so what starting the worker took (about
 * 0.3 s: loading the solver's modules) comes out of the solver's share. `requestedAt` and
 * `nowMs` are Date.now() readings, the clock every thread shares.
 */
export function timeLeftMs(timeLimitMs: number, requestedAt: number, nowMs: number): number {
  const startMs = Math.max(0, nowMs - requestedAt);
  return Math.max(Math.min(timeLimitMs, MIN_AFTER_START_MS), timeLimitMs - startMs);
}
