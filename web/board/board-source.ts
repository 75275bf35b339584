/** What the board asks of the server, whatever the transport (board-api.ts is the real one). */
import type { BoardFigures, CountyRow, ExpiringDelegation, WeekFigures } from './board-types.ts';
import type { WireEconomicsMonth } from './board-wire.ts';
import type { WeekSpan } from './trend-series.ts';

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
  /** The figures of each week span, for the weekly charts (a week's own shares and medians). */
  weeks(q: BoardQuery, spans: readonly WeekSpan[]): Promise<WeekFigures>;
}
