/** Deliveries slower than this count in the last bucket (their max is still exact). */
const MAX_MS = 10_000;

export interface DeliverySummary {
  /** Events fanned out (each to one or more subscriptions). */
  events: number;
  /** Event × subscription pairs. */
  deliveries: number;
  /** From the event's time to its handing to the socket, ms (1 ms buckets). */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * How long committed events take to reach the sockets: from the event's `at` (the database's
 * now() in its transaction, so the commit counts) to each subscription's send (or its queue,
 * when the socket is congested). A histogram of 1 ms buckets: recording is one increment, so
 * a fan-out to thousands of sockets can time every one. It is the server's side of the k6
 * `ws_delivery` figure, which also counts the load generator reading the frames.
 */
export class DeliveryTiming {
  private readonly counts = new Float64Array(MAX_MS + 1);
  private total = 0;
  private events = 0;
  private max = 0;

  /** One event's fan-out begins. */
  event(): void {
    this.events++;
  }

  record(ms: number): void {
    const v = ms > 0 ? ms : 0; // the database's clock may run a little ahead of ours
    this.counts[Math.min(MAX_MS, Math.floor(v))]++;
    this.total++;
    if (v > this.max) this.max = v;
  }

  summary(): DeliverySummary {
    return {
      events: this.events,
      deliveries: this.total,
      p50Ms: this.quantile(0.5),
      p95Ms: this.quantile(0.95),
      p99Ms: this.quantile(0.99),
      maxMs: Math.round(this.max * 10) / 10,
    };
  }

  /** The upper edge of the bucket holding the q-quantile (0 when nothing was recorded). */
  private quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (let ms = 0; ms <= MAX_MS; ms++) {
      seen += this.counts[ms];
      if (seen >= rank) return Math.min(ms + 1, Math.ceil(this.max * 10) / 10);
    }
    return this.max;
  }
}
