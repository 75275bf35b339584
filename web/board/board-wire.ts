/**
 * The figures as the API sends them (server/board/routes.ts, in the OpenAPI document): the
 * generated schema's types, named here once for from-wire.ts and board-api.ts.
 */
import type { Schemas } from '../api/client.ts';

export type WireFigures = Schemas['BoardFigures'];
export type WireTrendDay = Schemas['BoardTrendDay'];
export type WireCountyRow = Schemas['BoardCountyRow'];
export type WireDelegation = Schemas['ExpiringDelegation'];
export type WireEconomicsMonth = Schemas['BoardEconomics']['items'][number];
