import type { TravelMode } from '../../../db/reference/professions.ts';

/** One trip a caregiver made, timed from their status changes (en route → started). */
export interface MeasuredTrip {
  municipality: string;
  mode: TravelMode;
  /** Straight-line (great-circle) metres from where they set out to the patient. */
  straightMetres: number;
  /** Seconds from 'en_route' to 'in_progress'. */
  measuredSeconds: number;
}
