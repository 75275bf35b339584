import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, apiTypesSource, readOpenApiDocument } from '../../server/web/api-types.ts';

describe('the web app’s API types', () => {
  it('are generated from the current OpenAPI document (run `npm run web:api` when not)', async () => {
    const expected = await apiTypesSource(await readOpenApiDocument());
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === expected, 'web/api/schema.d.ts is stale: run `npm run web:api`').toBe(
      true,
    );
  });
});
