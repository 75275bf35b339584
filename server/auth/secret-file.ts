import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { type AuthSettings, authSettings } from './secrets.ts';

/**
 * The signing secrets: from AUTH_SECRET (and AUTH_PREVIOUS_SECRETS) when set. On the embedded
 * demo database without one, a random secret kept in DATA_DIR (never in the repository) so
 * log-ins survive a restart. Config refuses DATABASE_URL without AUTH_SECRET.
 */
export function resolveAuthSettings(config: Config, logger: Logger): AuthSettings {
  const ttl = config.SESSION_TTL_MINUTES * 60_000;
  if (config.AUTH_SECRET)
    return authSettings(config.AUTH_SECRET, config.AUTH_PREVIOUS_SECRETS, ttl);
  const file = join(config.DATA_DIR, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    logger.info('generated an auth secret for the embedded database', { file });
  }
  return authSettings(readFileSync(file, 'utf8').trim(), config.AUTH_PREVIOUS_SECRETS, ttl);
}
