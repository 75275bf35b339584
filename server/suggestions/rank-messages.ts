import type { LiveEvent } from '../live/event-bus.ts';
import type { MunicipalityData } from '../live-state/municipality-state.ts';
import type { LiveVisit } from '../live-state/types.ts';
import type { StaffPosition } from '../positions/positions.ts';
import type { RankedCaregiver } from './rank-caregivers.ts';

/** From the main thread to the ranking worker: its copy of the live state, and requests. */
export type ToRankWorker =
  | { type: 'read'; data: MunicipalityData }
  | { type: 'applied'; code: string; event: LiveEvent }
  | {
      type: 'rank';
      id: number;
      code: string;
      visit: LiveVisit;
      /** Epoch ms. */
      now: number;
      limit: number;
      /**
       * The positions phones reported to this process since the last request (the worker
       * keeps them; its copy of the live state has only the sampled ones).
       */
      positions: StaffPosition[];
      /** Epoch ms (wall clock) after which the worker answers `expired` without ranking. */
      deadline: number;
    };

/** From the ranking worker: ready to take messages, or an answer (null: rank it yourself). */
export type FromRankWorker =
  | { type: 'ready' }
  | {
      type: 'ranked';
      id: number;
      ranked: RankedCaregiver[] | null;
      error?: string;
      /** The request waited past its deadline: not ranked. */
      expired?: boolean;
    }
  | { type: 'error'; message: string };
