/**
 * The live-dispatch WebSocket protocol, shared by the server and the web app: plain zod, no
 * node imports. JSON text frames, one message each, discriminated on `type`.
 *
 * Session: the client sends `hello` (protocol version + token) as its first frame; the server
 * answers `welcome` or closes. Then `subscribe` to municipalities: each gets a `snapshot`
 * (or, when resuming with `lastSeq`, the missed `event`s) and then live `event`s, in `seq`
 * order. `seq` only grows per municipality; it may skip superseded `staff.position` events
 * and shed recomputable ones (see `SHEDDABLE_EVENT_PREFIXES`), never anything else.
 * Caregivers' positions come as `position` messages beside the events, without a seq: the
 * latest per caregiver, at most about one a second each (the log keeps a sampled
 * `staff.position` event a minute, which a resume replays).
 * The client sends `ping` every `heartbeatMs`; a connection silent for `idleTimeoutMs` is closed.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** Largest client frame accepted, in UTF-8 bytes. */
export const MAX_CLIENT_FRAME_BYTES = 16 * 1024;

/**
 * Close codes. 1000-1015 are the standard ones; 4000-4999 are ours. `shouldReconnect`
 * tells the client whether retrying (with `lastSeq`) can help.
 */
export const CloseCode = {
  normal: 1000,
  /** Server shutting down or restarting: reconnect and resume. */
  goingAway: 1001,
  /** A frame above MAX_CLIENT_FRAME_BYTES. */
  messageTooBig: 1009,
  internalError: 1011,
  /** The server has as many connections as it takes: retry after a pause. */
  tryAgainLater: 1013,
  /** Too many malformed or out-of-order messages. */
  badRequest: 4000,
  /** Missing, invalid or expired token. */
  unauthorized: 4001,
  /** The client speaks another protocol version: reload the app. */
  unsupportedVersion: 4002,
  /** No `hello` within the handshake time. */
  handshakeTimeout: 4003,
  /** Nothing received for `idleTimeoutMs` (no pings). */
  idleTimeout: 4004,
  /** The socket stayed congested too long or its queue overflowed: resume with `lastSeq`. */
  slowConsumer: 4005,
  /** The session ended (log-out, expiry, a disabled user): log in again. */
  sessionEnded: 4006,
} as const;
export type CloseCodeName = keyof typeof CloseCode;

const RECONNECTABLE = new Set<number>([
  CloseCode.goingAway,
  CloseCode.internalError,
  CloseCode.tryAgainLater,
  CloseCode.handshakeTimeout,
  CloseCode.idleTimeout,
  CloseCode.slowConsumer,
]);

export function shouldReconnect(code: number): boolean {
  return RECONNECTABLE.has(code) || code === 1006; // 1006: connection dropped without a close frame
}

export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(CloseCode) as CloseCodeName[]).find((k) => CloseCode[k] === code);
}

/** Codes of `error` messages: the connection stays open unless a close follows. */
export const LIVE_ERROR_CODES = [
  'malformed_message',
  'unknown_type',
  'invalid_message',
  'unsupported_version',
  'unauthenticated',
  'hello_required',
  'already_authenticated',
  'forbidden',
  'unknown_municipality',
  'too_many_subscriptions',
  'unavailable',
] as const;
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number];

/** Event types that are superseded by the next one of the same staff member. */
export const POSITION_EVENT = 'staff.position';
/** Event types a congested client may miss: they are recomputed from other state. */
export const SHEDDABLE_EVENT_PREFIXES = ['metrics.', 'eta.', 'planning.progress'] as const;

const municipalityCode = z.string().regex(/^\d{4}$/, 'a 4-digit municipality code');
const seq = z.number().int().nonnegative();

// Client → server.
export const helloMessage = z.object({
  type: z.literal('hello'),
  version: z.number().int(),
  token: z.string().min(1).max(4096).optional(),
});
export const subscribeMessage = z.object({
  type: z.literal('subscribe'),
  municipalities: z
    .array(z.object({ code: municipalityCode, lastSeq: seq.optional() }))
    .min(1)
    .max(32),
});
export const unsubscribeMessage = z.object({
  type: z.literal('unsubscribe'),
  municipalities: z.array(municipalityCode).min(1).max(32),
});
export const pingMessage = z.object({
  type: z.literal('ping'),
  id: z.union([z.string().max(64), z.number()]).optional(),
});
export const clientMessage = z.discriminatedUnion('type', [
  helloMessage,
  subscribeMessage,
  unsubscribeMessage,
  pingMessage,
]);
export type ClientMessage = z.infer<typeof clientMessage>;
export const CLIENT_MESSAGE_TYPES: readonly string[] = [
  'hello',
  'subscribe',
  'unsubscribe',
  'ping',
];

// Server → client.
export const welcomeMessage = z.object({
  type: z.literal('welcome'),
  version: z.number().int(),
  heartbeatMs: z.number().int(),
  idleTimeoutMs: z.number().int(),
  user: z.object({ username: z.string(), role: z.string(), municipalities: z.array(z.string()) }),
});
/**
 * A caregiver's last known position as the snapshot's `state.positions` carries it: the
 * newest logged fix of each, no older than 30 minutes. Optional: a client must do without.
 */
export const snapshotPosition = z.object({
  staffId: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** ISO UTC time of the fix. */
  at: z.string(),
  status: z.string(),
});
export type SnapshotPosition = z.infer<typeof snapshotPosition>;
export const snapshotMessage = z.object({
  type: z.literal('snapshot'),
  municipality: municipalityCode,
  seq,
  state: z.unknown(),
});
export const eventMessage = z.object({
  type: z.literal('event'),
  municipality: municipalityCode,
  seq,
  /** The domain event's own type, e.g. `visit.assigned` (`type` is the message's). */
  eventType: z.string(),
  payload: z.unknown(),
  /** ISO UTC time the event was committed. */
  at: z.string(),
});
/** A caregiver's latest position: ephemeral, no seq, never replayed (see the header). */
export const positionMessage = z.object({
  type: z.literal('position'),
  municipality: municipalityCode,
  staffId: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** ISO UTC time of the fix. */
  at: z.string(),
  status: z.string(),
});
/**
 * The payload of a `planning.progress` event: a planning job's figures about once a second
 * while it runs, and its status when it ends (GET /api/planning/jobs/{id} has the same).
 */
export const planningProgressPayload = z.object({
  jobId: z.string(),
  /** The local date of the service day planned. */
  serviceDate: z.string(),
  teamId: z.string().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  progress: z
    .object({
      elapsedMs: z.number(),
      /** The best feasible plan's cost, or while `feasible` is false the search's lowest; null before it begins. */
      bestCost: z.number().nullable(),
      feasible: z.boolean(),
      visitsPlaced: z.number().int(),
      visitsTotal: z.number().int(),
    })
    .nullable(),
});
export type PlanningProgressPayload = z.infer<typeof planningProgressPayload>;
/**
 * The payload of a `planning.moved` event: a scheduler moved a visit in a done job's proposal
 * (POST /api/planning/jobs/{id}/moves); GET /api/planning/jobs/{id} has the proposal now.
 */
export const planningMovedPayload = z.object({
  jobId: z.string(),
  /** The local date of the service day planned. */
  serviceDate: z.string(),
  teamId: z.string().nullable(),
  visitId: z.string(),
});
export type PlanningMovedPayload = z.infer<typeof planningMovedPayload>;
export const errorMessage = z.object({
  type: z.literal('error'),
  code: z.enum(LIVE_ERROR_CODES),
  message: z.string(),
  municipality: municipalityCode.optional(),
});
export const pongMessage = z.object({
  type: z.literal('pong'),
  id: z.union([z.string(), z.number()]).optional(),
  serverTime: z.string(),
});
export const serverMessage = z.discriminatedUnion('type', [
  welcomeMessage,
  snapshotMessage,
  eventMessage,
  positionMessage,
  errorMessage,
  pongMessage,
]);
export type ServerMessage = z.infer<typeof serverMessage>;
export type EventMessage = z.infer<typeof eventMessage>;
export type PositionMessage = z.infer<typeof positionMessage>;
export type ErrorMessage = z.infer<typeof errorMessage>;
