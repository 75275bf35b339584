import type { Schemas } from '../api/client.ts';

export type PlanningJob = Schemas['PlanningJob'];
export type DayVisit = Schemas['VisitState'];
export type GeneratedDay = Schemas['GeneratedDay'];

/** The day the page works on. */
export interface DayChoice {
  municipality: string;
  /** A team id, or '' for all teams. */
  team: string;
  date: string;
}

/** The server's error body, as every route answers a 4xx. */
export interface ApiError {
  error?: { code?: string; message?: string; details?: { field?: string; message?: string }[] };
}

export const errorText = (e: unknown): string =>
  (e as ApiError | undefined)?.error?.message ?? String(e);
