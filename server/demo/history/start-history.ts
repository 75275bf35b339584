import type { Db } from '../../../db/client.ts';
import type { Logger } from '../../logger.ts';
import { generateHistory } from './generate-history.ts';
import { historyDates } from './history-dates.ts';
import { setHistoryStatus } from './history-status.ts';

export interface BackgroundHistory {
  /** Settles when the history is written, has failed or was stopped (never rejects). */
  done: Promise<void>;
  /** Stops after the plan under way (shutdown); what was written stays. */
  stop: () => Promise<void>;
}

/**
 * Generates the demo history in the background of a serving process: the server answers
 * meanwhile (the solver takes the thread for one municipality's day at a time, tens of
 * milliseconds on demo data), historyStatus() says how far it is, and the log says when it
 * is done. A failure is logged, never fatal: the demo works without its past.
 */
export function startHistoryInBackground(
  db: Db,
  logger: Logger,
  o: { municipalities: readonly string[]; today: string; days: number; seed: number },
): BackgroundHistory {
  const dates = historyDates(o.today, o.days);
  const controller = new AbortController();
  setHistoryStatus({
    state: 'running',
    days: dates.length,
    daysDone: 0,
    from: dates[0] ?? null,
    to: dates.at(-1) ?? null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
  });
  logger.info('demo history: generating in the background', { days: dates.length });
  const done = generateHistory(db, {
    ...o,
    signal: controller.signal,
    onDay: (_date, index) => setHistoryStatus({ daysDone: index + 1 }),
  }).then(
    (summary) => {
      setHistoryStatus({ state: 'done', finishedAt: new Date().toISOString() });
      logger.info('demo history generated', { ...summary });
    },
    (err: unknown) => {
      const error = err instanceof Error ? err.message : String(err);
      setHistoryStatus({ state: 'failed', finishedAt: new Date().toISOString(), error });
      if (!controller.signal.aborted) logger.error('demo history failed', { err });
    },
  );
  return {
    done,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
