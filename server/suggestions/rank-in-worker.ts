import type { Worker } from 'node:worker_threads';
import type { LiveState, LiveStateChange } from '../live-state/live-state.ts';
import type { LiveVisit } from '../live-state/types.ts';
import type { Logger } from '../logger.ts';
import { startTsWorker } from '../solver-bridge/ts-worker.ts';
import type { EstimateOptions } from '../solver-bridge/travel.ts';
import type { PositionStore, StaffPosition } from '../positions/positions.ts';
import type { FromRankWorker, ToRankWorker } from './rank-messages.ts';
import type { RankedCaregiver } from './rank-caregivers.ts';

/** A ranking; null: rank it yourself; 'busy': the worker is overloaded, ask again later. */
export type RankAnswer = RankedCaregiver[] | null | 'busy';

const WORKER_FILE = new URL('./rank-worker.ts', import.meta.url).href;
/**
 * Requests waiting for the worker beyond which a request is answered 'busy' at once. Ranking
 * them on the request thread instead (as before) made overload cascade: measured at 150 and
 * 200 requests/s, the request thread saturated and every kind of request slowed down.
 */
export const MAX_QUEUED = 64;
/**
 * A request the worker reaches after waiting this long is answered 'busy' without ranking:
 * the dispatcher has a quick answer to retry instead of a late list, and the worker catches up.
 */
export const MAX_WAIT_MS = 500;
/** Time for the worker to load its modules (tsx compiles them) before it is given up. */
const START_TIMEOUT_MS = 30_000;

/**
 * Kept hand-written rather than a pool library (piscina, tinypool; the solver uses piscina):
 * a ranking worker is not interchangeable. Each keeps its own copy of the live state, fed
 * every event in order, and a request must go after those events to that worker; a pool
 * hands a task to any idle worker and has no ordered broadcast to all of them.
 *
 * Ranks caregivers for suggestions on a worker thread, so the main thread (HTTP, database
 * client, WebSocket fan-out; on PGlite the database itself) is not busy with it: it was
 * the largest share of a dispatcher's requests. The worker keeps a copy of the live state:
 * every read and every applied event of `LiveState` is posted to it in order, so a request
 * posted after them is ranked on the same state the main thread has. `rank` answers null
 * when the worker cannot (stopped, failed, or its copy is missing): the caller then ranks on
 * its own thread, as without a worker. It answers 'busy' when the worker is overloaded
 * (`MAX_QUEUED` requests waiting, or this one waited `MAX_WAIT_MS`).
 */
export class RankWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, (r: RankAnswer) => void>();
  private nextId = 1;
  private unobserve: (() => void)[] = [];
  /** Positions reported since the last request, the latest per caregiver. */
  private unsent = new Map<string, StaffPosition>();

  constructor(
    private readonly liveState: LiveState,
    private readonly logger: Logger,
    private readonly positions?: PositionStore,
    /** The estimate the worker ranks with; unset: the built-in one. */
    private readonly estimate?: EstimateOptions,
  ) {}

  /** Starts the worker and hands it the live state; resolves when it can take requests. */
  async start(): Promise<void> {
    const worker = startTsWorker(WORKER_FILE, this.estimate ? { estimate: this.estimate } : {});
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer in time')), START_TIMEOUT_MS);
      worker.once('message', (m: FromRankWorker) => {
        clearTimeout(timer);
        if (m.type === 'ready') resolve();
        else reject(new Error(m.type === 'error' ? m.message : `unexpected ${m.type}`));
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    }).catch(async (err: unknown) => {
      await worker.terminate();
      throw new Error(`ranking worker did not start: ${String(err)}`);
    });
    worker.on('message', (m: FromRankWorker) => this.onMessage(m));
    worker.on('error', (err) => this.stop('failed', err));
    worker.on('exit', (code) => this.stop(`exited with code ${code}`));
    worker.unref();
    this.worker = worker;
    this.unobserve = [this.liveState.observe((c) => this.forward(c))];
    // Phones report far more often than dispatchers ask: the fixes go with the next request,
    // one per caregiver, not a message each.
    if (this.positions) {
      this.unobserve.push(this.positions.observe((p) => this.unsent.set(p.staffId, p)));
    }
  }

  /**
   * The ranking on the worker's copy of `code`; null when the caller must rank itself;
   * 'busy' when the worker is overloaded.
   */
  rank(code: string, visit: LiveVisit, now: Date, limit: number): Promise<RankAnswer> {
    if (!this.worker) return Promise.resolve(null);
    if (this.pending.size >= MAX_QUEUED) return Promise.resolve('busy');
    const id = this.nextId++;
    const positions = [...this.unsent.values()];
    this.unsent.clear();
    const request: ToRankWorker = {
      type: 'rank',
      id,
      code,
      visit,
      now: now.getTime(),
      limit,
      positions,
      // Wall clock on both threads, not the caller's `now` (tests move that).
      deadline: Date.now() + MAX_WAIT_MS,
    };
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker!.postMessage(request);
    });
  }

  /** Rankings posted and not yet answered; -1 once stopped (it takes no more). */
  get waiting(): number {
    return this.worker ? this.pending.size : -1;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.stop(null);
    await worker?.terminate();
  }

  private forward(c: LiveStateChange): void {
    const m: ToRankWorker =
      c.kind === 'read'
        ? { type: 'read', data: c.state.toData() }
        : { type: 'applied', code: c.code, event: c.event };
    this.worker?.postMessage(m);
  }

  private onMessage(m: FromRankWorker): void {
    if (m.type !== 'ranked') return;
    const resolve = this.pending.get(m.id);
    this.pending.delete(m.id);
    if (m.error) this.logger.warn('ranking worker: a ranking failed', { error: m.error });
    resolve?.(m.expired ? 'busy' : m.ranked);
  }

  /** No more requests to the worker; those waiting are answered null (ranked by the caller). */
  private stop(why: string | null, err?: unknown): void {
    if (!this.worker) return;
    if (why) this.logger.error(`ranking worker ${why}: ranking on the main thread`, { err });
    this.worker = null;
    for (const stop of this.unobserve) stop();
    this.unobserve = [];
    this.unsent.clear();
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }
}
