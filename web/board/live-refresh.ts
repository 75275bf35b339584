/**
 * When the board fetches its figures again on the live feed: when a visit is started or
 * finished (done, no access, cancelled), since those are what the figures count; and never
 * more often than once per `gapMs`, however many visits finish at once (a trailing call
 * after a burst takes in the rest).
 */
export const REFRESH_GAP_MS = 5_000;

const COUNTED = new Set(['in_progress', 'done', 'no_access', 'cancelled']);

/** Whether a live event changes a figure on the board. */
export function changesFigures(eventType: string, payload: unknown): boolean {
  if (eventType !== 'visit.status_changed') return false;
  const to = (payload as { to?: unknown } | null)?.to;
  return typeof to === 'string' && COUNTED.has(to);
}

/** Calls `run` at most once per gap: the first poke at once, later ones folded into one. */
export class Throttle {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly run: () => void,
    private readonly gapMs = REFRESH_GAP_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  poke(): void {
    if (this.timer !== undefined) return; // a run is already due
    const wait = this.last + this.gapMs - this.now();
    if (wait <= 0) return this.fire();
    this.timer = setTimeout(() => this.fire(), wait);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    this.last = this.now();
    this.run();
  }
}
