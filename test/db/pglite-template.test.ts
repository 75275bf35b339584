import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '../../db/client.ts';
import { migrationsApplied } from '../../db/migrate.ts';
import { ensureTemplate, templatePath } from '../../db/pglite-template.ts';

describe('the embedded database template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pglite-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is named for the PGlite version and the migrations, and made once', async () => {
    const path = await ensureTemplate();
    expect(path).toBe(templatePath());
    expect(path).toMatch(/pglite-\d+\.\d+\.\d+-[0-9a-f]{16}\.tar$/);
    expect(await ensureTemplate()).toBe(path);
  });

  it('gives a fresh database every migration; without it a fresh one has none', async () => {
    await ensureTemplate();
    const copy = await openDatabase({ kind: 'pglite', dataDir: null });
    const bare = await openDatabase({ kind: 'pglite', dataDir: null, template: false });
    try {
      expect(await migrationsApplied(copy)).toBe(true);
      expect(await migrationsApplied(bare)).toBe(false);
    } finally {
      await copy.close();
      await bare.close();
    }
  });

  it('is copied into a new data directory once, and what is written there stays', async () => {
    await ensureTemplate();
    const dataDir = join(dir, 'pglite');
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await first.db.execute(
      sql`insert into municipalities (code, name, lat, lon, population, area_km2) values ('9999', 'Provkommun', 59.3, 18.1, 1, 1)`,
    );
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = rowsOf<{ name: string }>(
        await again.db.execute(sql`select name from municipalities where code = '9999'`),
      );
      expect(rows.map((r) => r.name)).toEqual(['Provkommun']);
    } finally {
      await again.close();
    }
  });
});
