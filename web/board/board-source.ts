/** What the board asks of the server, whatever the transport (board-api.ts is the real one). */
import type { BoardFigures, CountyRow, ExpiringDelegation } from './board-types.ts';
import type { WireEconomicsMonth } from './board-wire.ts';

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
  /** Per calendar month of the period: the figures the cost negotiation needs. */
  economics(q: BoardQuery): Promise<WireEconomicsMonth[]>;
}
