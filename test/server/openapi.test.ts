import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { testApp } from '../support/auth.ts';
import { freshDatabase } from '../support/databases.ts';

// The app as main.ts builds it, on an empty database: the document never queries it.
let database: Database;
let app: App;
beforeAll(async () => {
  database = await freshDatabase('pglite');
  app = await testApp(database, { now: () => new Date() });
});
afterAll(async () => database.close());

describe('API description', () => {
  it('serves an OpenAPI 3.1 document with every route and the error schema', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/audit/patients/{id}',
      '/api/audit/review',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/board/county',
      '/api/board/history',
      '/api/board/{municipality}/continuity/patients',
      '/api/board/{municipality}/delegations-expiring',
      '/api/board/{municipality}/economics',
      '/api/board/{municipality}/figures',
      '/api/board/{municipality}/trends',
      '/api/discharge/cases',
      '/api/discharge/cases/{id}',
      '/api/discharge/cases/{id}/visits/confirm',
      '/api/discharge/clients',
      '/api/discharge/messages',
      '/api/discharge/summary',
      '/api/discharge/{municipality}/settings',
      '/api/dispatch/day-routes',
      '/api/dispatch/late-risks',
      '/api/dispatch/repairs/{proposalId}/accept',
      '/api/dispatch/staff/{id}/position',
      '/api/dispatch/staff/{id}/sick',
      '/api/dispatch/urgent-visits',
      '/api/dispatch/visits/{id}/assign',
      '/api/dispatch/visits/{id}/pin',
      '/api/dispatch/visits/{id}/status',
      '/api/dispatch/visits/{id}/suggestions',
      '/api/dispatch/visits/{id}/unassign',
      '/api/dispatch/visits/{id}/unpin',
      '/api/live/stats',
      '/api/municipalities',
      '/api/municipalities/{code}',
      '/api/patients',
      '/api/patients/{id}',
      '/api/planning/jobs/{id}',
      '/api/planning/jobs/{id}/cancel',
      '/api/planning/jobs/{id}/comparison',
      '/api/planning/jobs/{id}/moves',
      '/api/planning/jobs/{id}/moves/preview',
      '/api/planning/jobs/{id}/publish',
      '/api/planning/jobs/{id}/routes',
      '/api/planning/{municipality}/days/{date}/generate',
      '/api/planning/{municipality}/days/{date}/jobs',
      '/api/planning/{municipality}/settings',
      '/api/staff',
      '/api/staff/{id}',
      '/api/teams',
      '/api/travel/calibration',
      '/api/users',
      '/api/visits',
      '/api/visits/{id}',
      '/health',
      '/ready',
    ]);
    expect(doc.components.schemas.Error).toBeDefined();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/patients'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/visits'].get.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['municipality', 'date', 'status', 'limit', 'offset']),
    );
  });

  it('serves a browsable reference at /docs with its assets', async () => {
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/docs/assets/swagger-ui-bundle.js');
    const js = await app.request('/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
    expect((await app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('sends security headers whose CSP lets /docs load only its own assets', async () => {
    const page = await app.request('/docs');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('strict-transport-security')).toContain('max-age=');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    // Every script the page loads comes from our own origin.
    const scripts = [...(await page.text()).matchAll(/<script[^>]*src="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src.startsWith('/docs/assets/')).toBe(true);
    const api = await app.request('/api/staff');
    expect(api.status).toBe(401);
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
