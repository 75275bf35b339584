import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle, changesFigures } from '../../../web/board/live-refresh.ts';

describe('refreshing the figures on the live feed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('refreshes for visits started or finished, not for other events', () => {
    expect(changesFigures('visit.status_changed', { to: 'done' })).toBe(true);
    expect(changesFigures('visit.status_changed', { to: 'no_access' })).toBe(true);
    expect(changesFigures('visit.status_changed', { to: 'en_route' })).toBe(false);
    expect(changesFigures('visit.assigned', { to: 'done' })).toBe(false);
    expect(changesFigures('visit.status_changed', null)).toBe(false);
  });

  it('runs at once, then folds a burst into one run after the gap', () => {
    const run = vi.fn();
    const throttle = new Throttle(run, 5000, () => Date.now());
    throttle.poke();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) throttle.poke(); // fifty visits done in the same second
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(4999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(60_000);
    expect(run).toHaveBeenCalledTimes(2); // nothing more poked, nothing more run
    throttle.poke();
    expect(run).toHaveBeenCalledTimes(3);
    throttle.poke();
    throttle.dispose();
    vi.advanceTimersByTime(60_000);
    expect(run).toHaveBeenCalledTimes(3);
  });
});
