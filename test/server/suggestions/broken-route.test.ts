/**
 * A day going badly: the only nurse on shift has a long sampling visit this afternoon that
 * brings her home in overtime, and the fixture's evening visit is planned hours past her
 * shift's end (as the console's browser fixture has it): read as far as a priority-2 window
 * reaches, her route breaks a hard time rule already. An urgent visit must still be suggested
 * to her, ranked by what it adds: none of the overtime, she is free until the sampling visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { randomUUID } from 'node:crypto';
import { assignments, shifts, visits } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { FIXED_NOW, bearer, insertUsers, loginAs, testServer } from '../../support/auth.ts';
import { freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';

describe('suggestions for a route already breaking a hard rule', () => {
  let database: Database;
  let app: App;
  let dispatcher: Record<string, string>;

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await insertFixture(database.db);
    await insertUsers(database.db);
    // 07:00-16:00 Stockholm; the fixture's evening visit (20:00-21:00) is hers.
    await database.db.insert(shifts).values({
      staffId: IDS.rn,
      municipalityCode: '0180',
      kind: 'day',
      startsAt: new Date('2026-11-23T06:00:00Z'),
      endsAt: new Date('2026-11-23T15:00:00Z'),
    });
    // 14:00-15:00 Stockholm, two and a half hours: home after 16:00, the shift's end.
    const sampling = randomUUID();
    await database.db.insert(visits).values({
      id: sampling,
      municipalityCode: '0180',
      patientId: IDS.patient,
      windowStart: new Date('2026-11-23T13:00:00Z'),
      windowEnd: new Date('2026-11-23T14:00:00Z'),
      durationMinutes: 150,
      taskTypes: ['sampling'],
      requiredProfession: 'rn',
      status: 'assigned',
    });
    await database.db.insert(assignments).values({
      visitId: sampling,
      staffId: IDS.rn,
      plannedStart: new Date('2026-11-23T13:30:00Z'),
      routeOrder: 0,
    });
    const server = await testServer(database, { now: () => FIXED_NOW });
    app = server.app;
    dispatcher = bearer(await loginAs(app, 'dispatcher'));
  });
  afterAll(async () => database.close());

  const urgent = async (
    taskTypes: string[],
    priority: 'urgent1' | 'urgent2',
    durationMinutes = 30,
  ) => {
    const res = await app.request('/api/dispatch/urgent-visits', {
      method: 'POST',
      headers: { ...dispatcher, 'content-type': 'application/json' },
      body: JSON.stringify({
        municipality: '0180',
        patientId: IDS.patient,
        taskTypes,
        priority,
        durationMinutes,
      }),
    });
    expect(res.status).toBe(201);
    return res.json();
  };

  it('shows for an urgent catheter change the overtime it adds, not the route overtime', async () => {
    const body = await urgent(['catheter_change'], 'urgent1');
    expect(body.suggestions.map((s: { staffId: string }) => s.staffId)).toContain(IDS.rn);
    const rn = body.suggestions.find((s: { staffId: string }) => s.staffId === IDS.rn);
    expect(rn.secondsLeftInShift).toBe(3 * 3600);
    expect(rn.overtimeSeconds).toBe(0);
    expect(Date.parse(rn.eta)).toBeLessThan(Date.parse(body.visit.windowEnd));
  });

  it('suggests her for a wound dressing too, and GET suggestions agrees', async () => {
    const body = await urgent(['wound_dressing'], 'urgent2');
    expect(body.suggestions.map((s: { staffId: string }) => s.staffId)).toContain(IDS.rn);
    const res = await app.request(`/api/dispatch/visits/${body.visit.id}/suggestions`, {
      headers: dispatcher,
    });
    expect(res.status).toBe(200);
    const again = await res.json();
    expect(again.suggestions.map((s: { staffId: string }) => s.staffId)).toContain(IDS.rn);
  });

  it('says why nobody is suggested: the AN lacks the competence, the nurse her shift', async () => {
    // Eight hours from 13:00 Stockholm: past 17:00, her shift's end with the hour of overtime.
    const body = await urgent(['catheter_change'], 'urgent1', 480);
    expect(body.suggestions).toEqual([]);
    const why = [
      { reason: 'competence', staffCount: 1 },
      { reason: 'shift_ends_first', staffCount: 1 },
    ];
    expect(body.noSuggestions).toEqual(why);
    const res = await app.request(`/api/dispatch/visits/${body.visit.id}/suggestions`, {
      headers: dispatcher,
    });
    expect(await res.json()).toMatchObject({ suggestions: [], noSuggestions: why });
  });

  it('says nothing of the kind when someone is suggested', async () => {
    const body = await urgent(['wound_dressing'], 'urgent1');
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body).not.toHaveProperty('noSuggestions');
  });
});
