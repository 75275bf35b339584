import type { Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';
import type { HubLimits } from './limits.ts';
import { CloseCode, type LiveErrorCode, PROTOCOL_VERSION, type ServerMessage } from './protocol.ts';
import type { Authenticate, LiveSession } from './socket.ts';

export type HelloOutcome =
  | { ok: true; session: LiveSession }
  | { ok: false; error?: { code: LiveErrorCode; message: string }; close: [number, string] };

/** Checks a hello: the protocol version first (no token is sent to an old server's checks), then the token. */
export async function checkHello(
  version: number,
  token: string | undefined,
  authenticate: Authenticate,
  logger: Logger,
): Promise<HelloOutcome> {
  if (version !== PROTOCOL_VERSION)
    return {
      ok: false,
      error: {
        code: 'unsupported_version',
        message: `protocol ${version} is not ${PROTOCOL_VERSION}`,
      },
      close: [CloseCode.unsupportedVersion, `server speaks ${PROTOCOL_VERSION}`],
    };
  let session: LiveSession | null;
  try {
    session = token ? await authenticate(token) : null;
  } catch (err) {
    logger.error('live authentication failed', { err });
    return { ok: false, close: [CloseCode.internalError, 'authentication unavailable'] };
  }
  if (session) return { ok: true, session };
  return {
    ok: false,
    error: {
      code: 'unauthenticated',
      message: token ? 'invalid or expired token' : 'hello needs a token',
    },
    close: [CloseCode.unauthorized, 'unauthenticated'],
  };
}

/** The welcome: the terms of the session (how often to ping) and who the server thinks you are. */
export function welcomeFor(principal: Principal, limits: HubLimits): ServerMessage {
  const { username, role, municipalities } = principal;
  return {
    type: 'welcome',
    version: PROTOCOL_VERSION,
    heartbeatMs: limits.heartbeatMs,
    idleTimeoutMs: limits.idleTimeoutMs,
    user: { username, role, municipalities },
  };
}
