/**
 * The caregiver's page state. A caregiver may not follow the live feed (it covers the whole
 * municipality), so the route is read over REST: at start, after each change, every minute
 * and when the network comes back. Every change goes through the outbox, so one made offline
 * is sent, in order, once the network is back; the server's answer is what the page shows.
 */
import { batch, signal } from '@preact/signals';
import { api, type Schemas } from '../api/client.ts';
import { Outbox, type QueuedChange } from './outbox.ts';
import { type CaregiverStatus, type RouteVisit, stockholmDate } from './route-model.ts';
import { sendStatus } from './send-status.ts';

export type Patient = Schemas['Patient'];

export type Notice =
  | { kind: 'sent'; visitId: string; status: CaregiverStatus }
  | { kind: 'conflict'; visitId: string; wanted: CaregiverStatus; current: RouteVisit | null }
  | { kind: 'refused'; visitId: string; message: string };

const REFRESH_MS = 60_000;
const RETRY_MS = 15_000;

export class PhoneStore {
  readonly visits = signal<ReadonlyMap<string, RouteVisit>>(new Map());
  /** Patient records by id; null when the read failed (the card says so). */
  readonly patients = signal<ReadonlyMap<string, Patient | null>>(new Map());
  readonly loaded = signal<'loading' | 'ready' | 'failed'>('loading');
  readonly refreshedAt = signal<number | null>(null);
  readonly online = signal(globalThis.navigator?.onLine ?? true);
  /** The change being sent now, if any. */
  readonly sending = signal<QueuedChange | null>(null);
  readonly notice = signal<Notice | null>(null);
  readonly outbox: Outbox;
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly onOnline = () => {
    this.online.value = true;
    void this.flush().then(() => this.refresh());
  };
  private readonly onOffline = () => (this.online.value = false);

  constructor(userId: string) {
    this.outbox = new Outbox(`hemsjukvard.phone.outbox.${userId}`);
  }

  start(): void {
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    this.timers.push(
      setInterval(() => void this.refresh(), REFRESH_MS),
      setInterval(() => this.outbox.items.value.length && void this.flush(), RETRY_MS),
    );
    void this.flush().then(() => this.refresh());
  }

  stop(): void {
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    this.timers.forEach(clearInterval);
    this.timers = [];
  }

  /** Today's visits of this caregiver, then the patients not yet read (each read is audited). */
  async refresh(): Promise<void> {
    const now = Date.now();
    let answers;
    try {
      answers = await Promise.all([
        api.GET('/api/visits', {
          params: { query: { date: stockholmDate(now), limit: 200 } },
        }),
        // A night shift runs past midnight: yesterday's visits still to do stay on the route
        // (only those: the list's read is audited per patient).
        api.GET('/api/visits', {
          params: {
            query: {
              date: stockholmDate(now - 86_400_000),
              status: 'assigned,en_route,in_progress',
              limit: 200,
            },
          },
        }),
      ]);
    } catch {
      this.online.value = false;
      if (this.loaded.value === 'loading') this.loaded.value = 'failed';
      return;
    }
    const [today, yesterday] = answers.map((a) => a.data);
    if (!today || !yesterday) {
      if (this.loaded.value === 'loading') this.loaded.value = 'failed';
      return;
    }
    const data = { items: [...yesterday.items, ...today.items] };
    batch(() => {
      this.online.value = true;
      // A change answered while this read was on its way is newer than what it brought.
      const known = this.visits.value;
      this.visits.value = new Map(
        data.items.map((v) => {
          const k = known.get(v.id);
          return [v.id, k && k.version > v.version ? k : v];
        }),
      );
      this.loaded.value = 'ready';
      this.refreshedAt.value = Date.now();
    });
    const missing = new Set(
      data.items.map((v) => v.patientId).filter((id) => !this.patients.value.has(id)),
    );
    for (const id of missing) void this.readPatient(id);
  }

  private async readPatient(id: string): Promise<void> {
    let patient: Patient | null;
    try {
      const { data } = await api.GET('/api/patients/{id}', { params: { path: { id } } });
      patient = data ?? null;
    } catch {
      return; // offline: read at the next refresh
    }
    this.patients.value = new Map(this.patients.value).set(id, patient);
  }

  /** A button pressed: queued behind earlier changes, then sent if the network allows. */
  press(visit: RouteVisit, status: CaregiverStatus): void {
    // Each accepted change raises the version by one: a change queued behind others of the
    // same visit expects the version they will leave.
    const pending = this.outbox.pendingFor(visit.id).length;
    this.outbox.add({
      visitId: visit.id,
      status,
      expectedVersion: visit.version + pending,
      at: new Date().toISOString(),
    });
    this.notice.value = null;
    void this.flush();
  }

  private flushing: Promise<void> | null = null;

  /** Sends the queue in order; stops at the first change that cannot get through. */
  flush(): Promise<void> {
    this.flushing ??= this.sendAll().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async sendAll(): Promise<void> {
    let answered = false;
    for (let change = this.outbox.items.value[0]; change; change = this.outbox.items.value[0]) {
      this.sending.value = change;
      const result = await sendStatus(change);
      this.sending.value = null;
      if (result.kind === 'retry') {
        this.online.value = globalThis.navigator?.onLine ?? false;
        break;
      }
      answered = true;
      this.online.value = true;
      if (result.kind === 'sent') {
        this.outbox.shift();
        this.putVisit(result.visit);
        this.notice.value = { kind: 'sent', visitId: change.visitId, status: change.status };
      } else {
        // What was queued behind it for this visit was built on a state that is gone.
        this.outbox.dropVisit(change.visitId);
        if (result.kind === 'conflict') {
          if (result.current) this.putVisit(result.current);
          this.notice.value = {
            kind: 'conflict',
            visitId: change.visitId,
            wanted: change.status,
            current: result.current ?? this.visits.value.get(change.visitId) ?? null,
          };
        } else {
          this.notice.value = { kind: 'refused', visitId: change.visitId, message: result.message };
        }
      }
    }
    if (answered) await this.refresh();
  }

  private putVisit(v: RouteVisit): void {
    const known = this.visits.value.get(v.id);
    if (known && known.version > v.version) return;
    this.visits.value = new Map(this.visits.value).set(v.id, v);
  }
}
