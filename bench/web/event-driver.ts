/**
 * Real changes through the API at a steady rate, each of which the console shows in its
 * queue: a pool of urgent calls (POST /api/dispatch/urgent-visits, answered with who could
 * go), then, round the pool, each call assigned to its best suggestion and unassigned again
 * (POST …/assign, …/unassign). Every change is one `visit.*` event; the pool's size keeps the
 * store's size steady, so memory can be judged over an hour. A call refused (422, 409) is
 * cancelled and replaced by a new one. Each change's send and answer time is kept, with the
 * visit's version after it, to be joined with the page's arrival of the same event.
 */

export interface Sent {
  id: string;
  version: number;
  status: string;
  kind: 'created' | 'assign' | 'unassign' | 'cancel';
  sentAt: number;
  answeredAt: number;
}

interface PoolVisit {
  id: string;
  version: number;
  status: string;
  staffId: string | null;
  busy: boolean;
}

export class EventDriver {
  readonly sent: Sent[] = [];
  errors = 0;
  /** Requests that got no answer at all (counted in errors too). */
  failed = 0;
  /** Ticks that found every pool visit waiting for its answer (the server behind). */
  skipped = 0;
  private pool: PoolVisit[] = [];
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly municipality: string,
    private readonly patients: string[],
  ) {}

  static async logIn(base: string, username: string, password: string): Promise<string> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`log-in as ${username}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  static async patientsOf(base: string, token: string, municipality: string): Promise<string[]> {
    const res = await fetch(`${base}/api/patients?municipality=${municipality}&limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`patients: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { items: { id: string }[] }).items.map((p) => p.id);
  }

  private async post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${this.base}/api/dispatch${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: await res.json().catch(() => null) };
  }

  /** One urgent call; returns the pool entry (its best suggestion kept), or null. */
  private async createOne(): Promise<PoolVisit | null> {
    const patientId = this.patients[Math.floor(Math.random() * this.patients.length)];
    const sentAt = Date.now();
    const r = await this.post('/urgent-visits', {
      municipality: this.municipality,
      patientId,
      taskTypes: ['supervision'],
      priority: 'urgent2',
    });
    const answeredAt = Date.now();
    if (r.status !== 201) {
      this.errors++;
      return null;
    }
    const body = r.json as {
      visit: { id: string; version: number; status: string };
      suggestions: { staffId: string }[];
    };
    const { id, version, status } = body.visit;
    this.sent.push({ id, version, status, kind: 'created', sentAt, answeredAt });
    return { id, version, status, staffId: body.suggestions[0]?.staffId ?? null, busy: false };
  }

  /** Creates the pool, `concurrency` calls at a time. */
  async createPool(size: number, concurrency = 4): Promise<void> {
    while (this.pool.length < size) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(concurrency, size - this.pool.length) }, () =>
          this.createOne(),
        ),
      );
      for (const v of batch) if (v?.staffId) this.pool.push(v);
    }
  }

  /** Sends `rate` changes a second until stop(). */
  start(rate: number): void {
    const interval = 1000 / rate;
    const started = performance.now();
    let due = 0;
    const tick = () => {
      // Catch up on the ticks a busy moment delayed, so the rate holds on average.
      const target = Math.floor((performance.now() - started) / interval);
      for (; due < target; due++) this.one();
    };
    this.timer = setInterval(tick, Math.max(1, Math.floor(interval / 2)));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.inFlight);
  }

  private one(): void {
    for (let i = 0; i < this.pool.length; i++) {
      const v = this.pool[(this.next + i) % this.pool.length]!;
      if (v.busy) continue;
      this.next = (this.next + i + 1) % this.pool.length;
      // A request that fails outright (a reset connection) is counted; the call's next change
      // then meets a 409 if it did land, and the call is replaced.
      const p = this.change(v)
        .catch(() => {
          this.errors++;
          this.failed++;
        })
        .finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
      return;
    }
    this.skipped++;
  }

  private async change(v: PoolVisit): Promise<void> {
    v.busy = true;
    try {
      const kind = v.status === 'unassigned' ? 'assign' : 'unassign';
      const sentAt = Date.now();
      const r =
        kind === 'assign'
          ? await this.post(`/visits/${v.id}/assign`, {
              staffIds: [v.staffId],
              expectedVersion: v.version,
            })
          : await this.post(`/visits/${v.id}/unassign`, { expectedVersion: v.version });
      const answeredAt = Date.now();
      if (r.status === 200) {
        const state = r.json as { version: number; status: string };
        v.version = state.version;
        v.status = state.status;
        this.sent.push({
          id: v.id,
          version: v.version,
          status: v.status,
          kind,
          sentAt,
          answeredAt,
        });
        return;
      }
      this.errors++;
      await this.replace(v);
    } finally {
      v.busy = false;
    }
  }

  /** A refused call leaves the queue (cancelled) and a fresh one takes its place. */
  private async replace(v: PoolVisit): Promise<void> {
    const current = await fetch(`${this.base}/api/visits/${v.id}`, {
      headers: { authorization: `Bearer ${this.token}` },
    }).then((r) => (r.ok ? (r.json() as Promise<{ version: number }>) : null));
    if (current) {
      const sentAt = Date.now();
      const r = await this.post(`/visits/${v.id}/status`, {
        status: 'cancelled',
        expectedVersion: current.version,
      });
      if (r.status === 200) {
        const s = r.json as { version: number; status: string };
        this.sent.push({
          id: v.id,
          version: s.version,
          status: s.status,
          kind: 'cancel',
          sentAt,
          answeredAt: Date.now(),
        });
      }
    }
    const fresh = await this.createOne();
    if (fresh?.staffId) Object.assign(v, fresh, { busy: true });
  }
}
