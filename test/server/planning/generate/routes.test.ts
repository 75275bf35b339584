import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import type { App } from '../../../../server/app.ts';
import { createUser } from '../../../../server/auth/users.ts';
import { TEST_COST, bearer, insertUsers, loginAs, testApp } from '../../../support/auth.ts';
import { freshDatabase } from '../../../support/databases.ts';
import { P, insertCarePlanWorld, lastSeq, planVisits } from './support/care-plan-world.ts';

/** POST /api/planning/{municipality}/days/{date}/generate, as a scheduler would call it. */
describe('the generate route', () => {
  let database: Database;
  let app: App;
  let scheduler: Record<string, string>;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await insertCarePlanWorld(database.db);
    await insertUsers(database.db);
    await createUser(
      database.db,
      {
        username: 'scheduler-norr',
        password: 'pw-scheduler-norr',
        role: 'scheduler',
        municipalities: ['0180'],
        teams: [P.teamNorr],
      },
      TEST_COST,
    );
    app = await testApp(database, { now: () => P.now });
    scheduler = bearer(await loginAs(app, 'scheduler'));
  });
  afterAll(async () => database.close());

  const post = async (path: string, headers: Record<string, string>, body?: unknown) =>
    app.request(`/api/planning/${path}`, {
      method: 'POST',
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const errorOf = async (res: Response) => {
    const b = (await res.json()) as { error: { code: string; details: { field?: string }[] } };
    return [res.status, b.error.code, b.error.details[0]?.field];
  };

  it('refuses bad input with the field named, and changes nothing', async () => {
    const seq = await lastSeq(database.db);
    const admin = bearer(await loginAs(app, 'admin'));
    const dispatcher = bearer(await loginAs(app, 'dispatcher'));
    const cases: [Promise<Response>, (string | number | undefined)[]][] = [
      [post('0180/days/2026-02-30/generate', scheduler), [400, 'validation_failed', 'path.date']],
      [post('0180/days/2026-03-19/generate', scheduler), [400, 'validation_failed', 'path.date']],
      [post('0180/days/tomorrow/generate', scheduler), [400, 'validation_failed', 'path.date']],
      [post('9999/days/2026-03-30/generate', admin), [404, 'not_found', 'path.municipality']],
      [post('0184/days/2026-03-30/generate', scheduler), [403, 'forbidden', 'path.municipality']],
      [
        post('0180/days/2026-03-30/generate', scheduler, { team: P.teamSolna }),
        [404, 'not_found', 'body.team'],
      ],
      [
        post('0180/days/2026-03-30/generate', scheduler, { team: 'norr' }),
        [400, 'validation_failed', 'body.team'],
      ],
      [
        post('0180/days/2026-03-30/generate', scheduler, { teams: [P.teamNorr] }),
        [400, 'validation_failed', 'body'],
      ],
      [
        post('0180/days/2026-03-30/generate', scheduler, { combine: 'yes' }),
        [400, 'validation_failed', 'body.combine'],
      ],
      [post('0180/days/2026-03-30/generate', dispatcher), [403, 'forbidden', undefined]],
    ];
    for (const [res, expected] of cases) expect(await errorOf(await res)).toEqual(expected);
    expect(await planVisits(database.db)).toEqual([]);
    expect(await lastSeq(database.db)).toBe(seq);
  });

  it("a scheduler scoped to a team generates only that team's patients", async () => {
    const norr = bearer(
      await (async () => {
        const res = await app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'scheduler-norr', password: 'pw-scheduler-norr' }),
        });
        return ((await res.json()) as { token: string }).token;
      })(),
    );
    expect(await errorOf(await post('0180/days/2026-03-30/generate', norr))).toEqual([
      403,
      'forbidden',
      'body.team',
    ]);
    const res = await post('0180/days/2026-03-30/generate', norr, { team: P.teamNorr });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({
      municipality: '0180',
      date: '2026-03-30',
      team: P.teamNorr,
      counts: { added: 1, updated: 0, removed: 0, keptBecauseAssigned: 0, unchanged: 0 },
    });
    expect(body.changes[0]).toMatchObject({
      kind: 'added',
      restored: false,
      visit: {
        carePlanId: P.lift,
        windowStartLocal: '2026-03-30T09:00:00+02:00',
        windowEndLocal: '2026-03-30T10:00:00+02:00',
        staffCount: 2,
        source: 'plan',
        status: 'unassigned',
      },
    });
  });

  it('generates the whole municipality without a body, and again changes nothing', async () => {
    const first = (await (await post('0180/days/2026-03-30/generate', scheduler)).json()) as any;
    expect(first.counts).toEqual({
      added: 3,
      updated: 0,
      removed: 0,
      keptBecauseAssigned: 0,
      unchanged: 1,
    });
    const again = await post('0180/days/2026-03-30/generate', scheduler, {});
    expect(again.status).toBe(200);
    expect(((await again.json()) as any).counts).toMatchObject({ added: 0, unchanged: 4 });
  });
});
