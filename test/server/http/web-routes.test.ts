import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../server/app-env.ts';
import { securityHeaders, tileOrigins } from '../../../server/http/security-headers.ts';
import { webApp } from '../../../server/web/web-routes.ts';

function builtApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>app</title></head><body></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'main-abc.js'), 'console.log(1)');
  return dir;
}

// The app as createApp orders it: the API's routes first, the web app last.
function appOn(dir: string, mapTileUrl: string | null = null) {
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders({ imgOrigins: tileOrigins(mapTileUrl) }));
  app.get('/api/ping', (c) => c.json({ ok: true }));
  app.get('*', webApp(dir, { mapTileUrl }));
  app.notFound((c) => c.json({ error: { code: 'not_found' } }, 404));
  return app;
}

describe('the web app served by the server', () => {
  const app = appOn(builtApp());

  it('serves index.html at / and for the app’s own paths, under the strict CSP', async () => {
    for (const path of ['/', '/console', '/console/0180']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('<title>app</title>');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
  });

  it('serves hashed assets as immutable JavaScript', async () => {
    const res = await app.request('/assets/main-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves the API’s paths to the API: an unknown one is still a JSON 404', async () => {
    expect((await app.request('/api/ping')).status).toBe(200);
    for (const path of ['/api/nope', '/ws', '/docs/x', '/health/x']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/json/);
    }
    expect((await app.request('/console', { method: 'POST' })).status).toBe(404);
  });

  it('never serves a file outside the build', async () => {
    const res = await app.request('/..%2f..%2fetc%2fpasswd');
    expect(await res.text()).toContain('<title>app</title>');
  });

  it('steps aside when the app is not built', async () => {
    const empty = appOn(mkdtempSync(join(tmpdir(), 'web-none-')));
    const res = await empty.request('/');
    expect(res.status).toBe(404);
  });

  it('names MAP_TILE_URL in index.html and allows its origin for images, only when set', async () => {
    const url = 'https://tiles.example.se/osm/{z}/{x}/{y}.png?key=a&b=c';
    const res = await appOn(builtApp(), url).request('/console');
    expect(await res.text()).toContain(
      '<meta name="map-tile-url" content="https://tiles.example.se/osm/{z}/{x}/{y}.png?key=a&amp;b=c"></head>',
    );
    const imgSrc = /img-src ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(imgSrc).toBe("'self' data: https://tiles.example.se");

    const plain = await app.request('/console');
    expect(await plain.text()).not.toContain('map-tile-url');
    expect(plain.headers.get('content-security-policy')).toContain("img-src 'self' data:;");
  });
});
