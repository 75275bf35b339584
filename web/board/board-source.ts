/** What the board asks of the server, whatever the transport (board-api.ts is the real one). */
import type { BoardFigures, CountyRow, ExpiringDelegation } from './board-types.ts';

export interface BoardQuery {
  municipality: string;
  /** '' for all teams. */
  team: string;
  from: string;
  to: string;
}

export interface BoardSource {
  figures(q: BoardQuery): Promise<BoardFigures>;
  county(q: Pick<BoardQuery, 'from' | 'to'>): Promise<CountyRow[]>;
  delegations(q: Pick<BoardQuery, 'municipality' | 'team'>): Promise<ExpiringDelegation[]>;
}
