/**
 * The live protocol as the page uses it: its TYPES come from the server's own module
 * (import type, so no zod reaches the bundle); the few values are mirrored here and
 * typed against the originals, so a change there fails the typecheck here.
 */
import type {
  ClientMessage,
  CloseCode as ServerCloseCode,
  EventMessage,
  PositionMessage,
  PROTOCOL_VERSION as SERVER_VERSION,
  ServerMessage,
  SnapshotPosition,
} from '../../server/live/protocol.ts';

export type { ClientMessage, EventMessage, PositionMessage, ServerMessage, SnapshotPosition };
export type SnapshotMessage = Extract<ServerMessage, { type: 'snapshot' }>;
export type WelcomeMessage = Extract<ServerMessage, { type: 'welcome' }>;

export const PROTOCOL_VERSION: typeof SERVER_VERSION = 1;

export const CloseCode: Pick<
  typeof ServerCloseCode,
  'goingAway' | 'internalError' | 'tryAgainLater' | 'handshakeTimeout' | 'idleTimeout'
> &
  Pick<typeof ServerCloseCode, 'slowConsumer' | 'unauthorized' | 'sessionEnded'> &
  Pick<typeof ServerCloseCode, 'unsupportedVersion'> = {
  goingAway: 1001,
  internalError: 1011,
  tryAgainLater: 1013,
  handshakeTimeout: 4003,
  idleTimeout: 4004,
  slowConsumer: 4005,
  unauthorized: 4001,
  sessionEnded: 4006,
  unsupportedVersion: 4002,
};

/** As the server's shouldReconnect: retrying (with lastSeq) can help after these. */
export function shouldReconnect(code: number): boolean {
  return (
    code === CloseCode.goingAway ||
    code === CloseCode.internalError ||
    code === CloseCode.tryAgainLater ||
    code === CloseCode.handshakeTimeout ||
    code === CloseCode.idleTimeout ||
    code === CloseCode.slowConsumer ||
    code === 1006
  );
}
