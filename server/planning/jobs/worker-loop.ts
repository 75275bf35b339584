import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { publishProgress } from './progress-events.ts';
import { claimJob } from './queue.ts';
import { reapStaleJobs } from './reaper.ts';
import { type RunJobDeps, runJob } from './run-job.ts';

export interface PlanningWorkerOptions {
  /** How often an idle worker looks for a queued job (and for dead ones). */
  pollMs: number;
  /** A running job's heartbeat, progress write and cancel check. */
  heartbeatMs: number;
  /** A running job without a heartbeat for this long is taken for dead. */
  staleMs: number;
  /** Tries of a job whose process died, before it fails. */
  maxAttempts: number;
}

export const DEFAULT_WORKER_OPTIONS: PlanningWorkerOptions = {
  pollMs: 2000,
  heartbeatMs: 1000,
  staleMs: 30_000,
  maxAttempts: 2,
};

/**
 * Each server process's planning worker: one job at a time (the solve has its worker thread;
 * the machine's cores serve dispatch too). Between jobs it reaps the jobs of dead processes
 * and claims the oldest queued one; a job queued in this process wakes it at once, one queued
 * in another is found at the next poll.
 */
export class PlanningWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, AbortController>();
  private readonly options: PlanningWorkerOptions;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly deps: Omit<RunJobDeps, 'heartbeatMs'>,
    options: Partial<PlanningWorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Look for work now (a job was just queued here). */
  wake(): void {
    if (this.stopped || this.loop) return;
    this.schedule(0);
  }

  /** Stops this process's solve of the job at once (the row is already cancelled). */
  cancelLocal(jobId: string): void {
    this.running.get(jobId)?.abort();
  }

  /** Stops looking for work and the job under way (a dead process's job is reaped elsewhere). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const c of this.running.values()) c.abort();
    await this.loop;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.loop = this.pass().finally(() => {
        this.loop = null;
      });
    }, ms);
    this.timer.unref?.();
  }

  /** Reaps, then runs queued jobs until there is none; then waits a poll. */
  private async pass(): Promise<void> {
    const { db, now, logger } = this.deps;
    try {
      const reaped = await reapStaleJobs(db, { ...this.options, now: now() });
      for (const r of reaped) {
        logger.warn('planning job reaped: its process stopped', { jobId: r.id, status: r.status });
        await publishProgress(this.deps, r, r.status, null);
      }
      while (!this.stopped) {
        const job = await claimJob(db, this.id, now());
        if (!job) break;
        const control = new AbortController();
        this.running.set(job.id, control);
        try {
          await publishProgress(this.deps, job, 'running', null);
          await runJob(
            { ...this.deps, heartbeatMs: this.options.heartbeatMs },
            job,
            this.id,
            control.signal,
          );
        } finally {
          this.running.delete(job.id);
        }
      }
    } catch (err) {
      logger.error('planning worker pass failed', { err });
    }
    if (!this.stopped) this.schedule(this.options.pollMs);
  }
}
