import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEFAULT_COST, type ScryptCost } from './password.ts';

/** A signing secret and its short public id, written into every token it signs. */
export interface SigningKey {
  kid: string;
  secret: string;
}

export interface AuthSettings {
  /** The first key signs new tokens; the others (previous secrets) are still accepted. */
  keys: SigningKey[];
  /** How long a log-in lasts. */
  sessionTtlMs: number;
  /** scrypt cost of new password hashes (and of the dummy check for unknown users). */
  passwordCost: ScryptCost;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 3600_000;

export function signingKey(secret: string): SigningKey {
  // The id is a hash prefix: it names the secret without revealing it.
  return { kid: createHash('sha256').update(secret).digest('hex').slice(0, 8), secret };
}

export function authSettings(
  current: string,
  previous: string[] = [],
  ttlMs = DEFAULT_SESSION_TTL_MS,
  passwordCost = DEFAULT_COST,
): AuthSettings {
  return { keys: [current, ...previous].map(signingKey), sessionTtlMs: ttlMs, passwordCost };
}

/**
 * Used when the app is built without settings (tests, tools): a random secret for this process,
 * so tokens never outlive it. `npm start` always passes the configured secret.
 */
export const EPHEMERAL_AUTH: AuthSettings = authSettings(randomBytes(32).toString('base64url'));

const sign = (key: SigningKey, body: string) =>
  createHmac('sha256', key.secret).update(body).digest('base64url');

/** `kid.random.signature`: an opaque bearer token whose signature is checked before any query. */
export function issueToken(settings: AuthSettings): string {
  const key = settings.keys[0];
  const body = `${key.kid}.${randomBytes(32).toString('base64url')}`;
  return `${body}.${sign(key, body)}`;
}

const TOKEN_SHAPE = /^[0-9a-f]{8}\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/;

/** True when the token is well formed and signed by one of the accepted secrets. */
export function tokenSignatureValid(settings: AuthSettings, token: string): boolean {
  if (!TOKEN_SHAPE.test(token)) return false;
  const [kid, random, signature] = token.split('.');
  const key = settings.keys.find((k) => k.kid === kid);
  if (!key) return false;
  const expected = Buffer.from(sign(key, `${kid}.${random}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What the sessions table stores instead of the token. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
