import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';

/** Where `npm start` (server/web/build-web.ts) puts the browser app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Paths the API owns: never answered with the app, so their 404s stay JSON. */
const SERVER_PATHS = /^\/(api|ws|docs|openapi\.json|health|ready)(\/|$)/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
};

/** Whether `path` is a file; files are read without blocking the event loop live traffic shares. */
async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const escapeAttribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Serves the built web app from `dir` for GET and HEAD: a file that exists (hashed
 * `/assets/*` are immutable), else index.html, so the app's own paths load on refresh.
 * Without a build it steps aside and the JSON 404 answers. With `mapTileUrl`, index.html
 * carries it as `<meta name="map-tile-url">`, which the console's map reads.
 */
export function webApp(
  dir: string = WEB_DIST,
  options: { mapTileUrl?: string | null } = {},
): MiddlewareHandler<AppEnv> {
  const root = resolve(dir);
  const meta = options.mapTileUrl
    ? `<meta name="map-tile-url" content="${escapeAttribute(options.mapTileUrl)}">`
    : '';
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || SERVER_PATHS.test(c.req.path))
      return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      path = '/'; // a malformed escape is no file: the app answers
    }
    const file = resolve(root, `.${path}`);
    const inside = file.startsWith(root + sep);
    if (inside && (await isFile(file))) {
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const immutable = file.startsWith(resolve(root, 'assets') + sep);
      return c.body(await readFile(file), 200, {
        'content-type': type,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    const index = resolve(root, 'index.html');
    if (!(await isFile(index))) return next();
    const html = await readFile(index, 'utf8');
    const page = !meta
      ? html
      : html.includes('</head>')
        ? html.replace('</head>', `${meta}</head>`)
        : meta + html;
    return c.body(page, 200, {
      'content-type': TYPES['.html'],
      'cache-control': 'no-cache',
    });
  };
}
