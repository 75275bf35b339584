import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../app-env.ts';

/**
 * Security headers on every response. The CSP allows only our own origin: /docs loads Swagger
 * UI from /docs/assets (no CDN, no inline script); its inline style attributes need
 * 'unsafe-inline' for styles only. `imgOrigins`: other origins images may come from (the
 * map's tile server, when MAP_TILE_URL is set), and only those.
 */
export const securityHeaders = (
  options: { imgOrigins?: readonly string[] } = {},
): MiddlewareHandler<AppEnv> =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', ...(options.imgOrigins ?? [])],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    crossOriginEmbedderPolicy: false,
  });

/** The origin of a configured tile URL (config checked its form), or none. */
export function tileOrigins(tileUrl: string | null | undefined): string[] {
  return tileUrl ? [new URL(tileUrl.replace(/\{[a-z]\}/g, '0')).origin] : [];
}

/** API answers carry health data: no browser or proxy may keep a copy. */
export const noStore = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};
