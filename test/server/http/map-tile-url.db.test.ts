/**
 * MAP_TILE_URL through the whole server (composeServer, as main.ts builds it): the page
 * names the tile URL and the CSP lets its images in, only when it is set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { TEST_CONFIG, testServer } from '../../support/auth.ts';
import { freshDatabase } from '../../support/databases.ts';

const TILES = 'https://tiles.example.se/{z}/{x}/{y}.png';

describe('MAP_TILE_URL on the composed server', () => {
  let database: Database;
  const webDist = mkdtempSync(join(tmpdir(), 'web-tiles-'));
  writeFileSync(join(webDist, 'index.html'), '<html><head><title>app</title></head></html>');
  beforeAll(async () => {
    database = await freshDatabase('pglite');
  });
  afterAll(async () => database.close());

  it('writes the meta tag and allows the origin with the setting, neither without', async () => {
    const withTiles = await testServer(database, {
      config: { ...TEST_CONFIG, MAP_TILE_URL: TILES },
      webDist,
    });
    const res = await withTiles.app.request('/');
    expect(await res.text()).toContain(`<meta name="map-tile-url" content="${TILES}">`);
    expect(res.headers.get('content-security-policy')).toContain(
      "img-src 'self' data: https://tiles.example.se;",
    );
    await withTiles.close();

    const without = await testServer(database, { webDist });
    const plain = await without.app.request('/');
    expect(await plain.text()).not.toContain('map-tile-url');
    expect(plain.headers.get('content-security-policy')).not.toContain('tiles.example.se');
    await without.close();
  });
});
