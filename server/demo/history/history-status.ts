/**
 * Where the demo history stands in this process: the board says "history being generated"
 * while it runs (it is generated in the background after the server is ready).
 */
export interface HistoryStatus {
  state: 'none' | 'running' | 'done' | 'failed';
  /** Past days asked for, and those written so far (oldest first). */
  days: number;
  daysDone: number;
  /** The oldest and newest day asked for, YYYY-MM-DD; null with state 'none'. */
  from: string | null;
  to: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

const NONE: HistoryStatus = {
  state: 'none',
  days: 0,
  daysDone: 0,
  from: null,
  to: null,
  startedAt: null,
  finishedAt: null,
  error: null,
};

let current: HistoryStatus = NONE;

export function historyStatus(): HistoryStatus {
  return { ...current };
}

export function setHistoryStatus(next: Partial<HistoryStatus>): void {
  current = { ...current, ...next };
}

/** Tests only: back to nothing asked. */
export function resetHistoryStatus(): void {
  current = NONE;
}
