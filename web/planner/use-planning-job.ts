/**
 * One planning job followed from start to end: started (or, on 409, the one already running
 * found and followed), fed by the live feed's planning.progress events (about one a second) and
 * read over REST every two seconds as well while queued or running, since the feed may shed
 * progress events under load; its best cost kept as a series for the chart; cancelled on request;
 * read again when the feed says a move changed its proposal (planning.moved).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../api/client.ts';
import { type CostPoint, addPoint } from './cost-chart-model.ts';
import { type DayChoice, type PlanningJob, errorText } from './planner-types.ts';

const POLL_MS = 2000;
/** The live event's payload (server/live/protocol.ts planningProgressPayload), as used here. */
export type LiveProgress = Pick<PlanningJob, 'status' | 'progress'> & { jobId: string };

const JOB_ID = /\(([0-9a-f-]{36})\)/;

export function usePlanningJob() {
  const job = useSignal<PlanningJob | null>(null);
  const series = useSignal<CostPoint[]>([]);
  const error = useSignal('');
  const alreadyRunning = useSignal(false);
  const busy = useSignal(false);
  const id = job.value?.id;
  const active = job.value?.status === 'queued' || job.value?.status === 'running';

  const take = (next: PlanningJob) => {
    job.value = next;
    const p = next.progress;
    if (p && p.bestCost !== null)
      series.value = addPoint(series.value, {
        elapsedMs: p.elapsedMs,
        cost: p.bestCost,
        feasible: p.feasible,
      });
  };

  useEffect(() => {
    if (!id || !active) return;
    const timer = setInterval(() => {
      void api
        .GET('/api/planning/jobs/{id}', { params: { path: { id } } })
        .then(({ data }) => data && take(data));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [id, active]);

  const follow = async (jobId: string) => {
    const { data } = await api.GET('/api/planning/jobs/{id}', { params: { path: { id: jobId } } });
    if (data) take(data);
  };

  const start = async (day: DayChoice, budgetSeconds: number) => {
    busy.value = true;
    error.value = '';
    alreadyRunning.value = false;
    series.value = [];
    job.value = null;
    const {
      data,
      error: err,
      response,
    } = await api.POST('/api/planning/{municipality}/days/{date}/jobs', {
      params: { path: { municipality: day.municipality, date: day.date } },
      body: { budgetSeconds, ...(day.team ? { team: day.team } : {}) },
    });
    busy.value = false;
    if (data) return take(data);
    const running = response.status === 409 ? JOB_ID.exec(errorText(err))?.[1] : undefined;
    if (running) {
      alreadyRunning.value = true;
      return follow(running);
    }
    error.value = errorText(err);
  };

  const cancel = async () => {
    if (!id) return;
    const { data, error: err } = await api.POST('/api/planning/jobs/{id}/cancel', {
      params: { path: { id } },
    });
    if (data) take(data);
    else error.value = errorText(err);
  };

  /** A planning.progress event: this job's figures now; its result is read when it ends. */
  const onLive = (payload: LiveProgress) => {
    const current = job.value;
    if (!current || payload.jobId !== current.id) return;
    if (current.status !== 'queued' && current.status !== 'running') return;
    take({ ...current, status: payload.status, progress: payload.progress ?? current.progress });
    if (payload.status !== 'queued' && payload.status !== 'running') void follow(current.id);
  };

  /**
   * A planning.moved event: a scheduler (here or on another page) moved a visit in this
   * job's proposal; the proposal is read again, so every page shows the same one.
   */
  const onMoved = (payload: { jobId: string }) => {
    const current = job.value;
    if (current?.status === 'done' && payload.jobId === current.id) void follow(current.id);
  };

  const reset = () => {
    job.value = null;
    series.value = [];
    error.value = '';
    alreadyRunning.value = false;
  };

  return { job, series, error, alreadyRunning, busy, start, cancel, reset, take, onLive, onMoved };
}
export type PlanningJobState = ReturnType<typeof usePlanningJob>;
