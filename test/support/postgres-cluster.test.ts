import postgres from 'postgres';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { findPostgresBin } from './postgres-cluster.ts';

const pgUrl = inject('pgUrl');

describe('PostgreSQL test cluster', () => {
  it.skipIf(pgUrl === null)('accepts connections and answers queries', async () => {
    const sql = postgres(pgUrl!, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ x: number }[]>`select 1 as x`;
      expect(row?.x).toBe(1);
      const [version] = await sql<{ server_version: string }[]>`show server_version`;
      expect(version?.server_version).toMatch(/^\d+/);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});

describe('findPostgresBin', () => {
  const saved = process.env['PG_BIN'];
  afterEach(() => {
    if (saved === undefined) delete process.env['PG_BIN'];
    else process.env['PG_BIN'] = saved;
  });

  it('returns undefined when PG_BIN lacks initdb and pg_ctl', () => {
    process.env['PG_BIN'] = '/nonexistent';
    expect(findPostgresBin()).toBeUndefined();
  });

  it('finds a directory with initdb and pg_ctl when PG_BIN is unset', () => {
    delete process.env['PG_BIN'];
    const bin = findPostgresBin();
    if (bin !== undefined) expect(bin).toMatch(/\/usr\/lib\/postgresql\/[\d.]+\/bin$/);
  });
});
