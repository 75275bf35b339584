import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { auditLog, delegations } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { createUser } from '../../../server/auth/users.ts';
import {
  resetHistoryStatus,
  setHistoryStatus,
} from '../../../server/demo/history/history-status.ts';
import { TEST_COST, bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { freshDatabase } from '../../support/databases.ts';
import { B, addPatient, addVisit, insertBoardWorld } from './support/board-world.ts';

/**
 * The board's routes on a small world (the clock: 2026-11-23 13:00 Stockholm): patient P, whose
 * contact caregiver is the AN, was visited 09:00 and 18:00 every day of 10–23 November by the
 * RN and the AN (so P counts for continuity: 2 caregivers); on the 23rd at 09:00 the RN started
 * 09:30 (in window) — the only reported start. One patient-bound delegation ends in 5 days.
 * The shared fixture adds two visits of its own on the 23rd (07:30 unplaced, 20:00 assigned).
 */
describe('the board routes', () => {
  let database: Database;
  let app: App;
  let P: string;
  let manager: string;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const db = database.db;
    await insertBoardWorld(db);
    await insertUsers(db);
    await createUser(
      db,
      {
        username: 'manager-norr',
        password: 'pw-manager-norr-secret',
        role: 'manager',
        municipalities: ['0180'],
        teams: [B.teamNorr],
      },
      TEST_COST,
    );
    P = await addPatient(db, 'P', B.an);
    for (let d = 10; d <= 23; d++) {
      const date = `2026-11-${d}`;
      await addVisit(db, {
        patientId: P,
        date,
        from: '09:00',
        staffIds: [B.rn],
        ...(d === 23 ? { started: '09:30', finished: '10:00' } : {}),
      });
      await addVisit(db, {
        patientId: P,
        date,
        from: '18:00',
        staffIds: [B.an],
        status: d === 23 ? 'assigned' : 'done',
      });
    }
    await db.insert(delegations).values({
      staffId: B.an,
      taskType: 'insulin_pen',
      delegatedBy: B.rn,
      patientId: P,
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validTo: new Date('2026-11-28T12:00:00Z'),
    });
    app = await testApp(database);
    manager = await loginAs(app, 'manager');
  });
  afterAll(async () => database.close());

  const get = async (path: string, token = manager) => {
    const res = await app.request(path, { headers: bearer(token) });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      type,
      body: type.includes('json') ? ((await res.json()) as any) : await res.text(),
    };
  };
  const auditRows = () => database.db.select().from(auditLog).where(eq(auditLog.patientId, P));

  it('answers the figures as JSON without an audit row', async () => {
    const r = await get('/api/board/0180/figures?from=2026-11-10&to=2026-11-23');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      municipalityCode: '0180',
      teamId: null,
      period: { from: '2026-11-10', to: '2026-11-23', days: 14 },
      continuity: {
        window: { from: '2026-11-10', to: '2026-11-23' },
        overall: { patients: 1, kolada: { median: 2, p90: 2 } },
      },
      // 27 done (13 evenings + 14 mornings); the AN made the 13 evenings.
      contactShare: { visits: 27, byContact: 13 },
      punctuality: { started: 1, withinWindow: 1, share: 1 },
      // 28 of P + the fixture's 2; the fixture's morning one is unplaced.
      outcomes: { visits: 30, done: 27, unplaced: 1 },
    });
    expect(await auditRows()).toEqual([]);
  });

  it('says how far the demo history is (the board shows it while it is written)', async () => {
    resetHistoryStatus();
    expect((await get('/api/board/history')).body).toMatchObject({ state: 'none', days: 0 });
    setHistoryStatus({ state: 'running', days: 28, daysDone: 12, from: '2026-10-26' });
    const r = await get('/api/board/history');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'running', days: 28, daysDone: 12, from: '2026-10-26' });
    resetHistoryStatus();
  });

  it('answers CSV for Swedish spreadsheets', async () => {
    const r = await get('/api/board/0180/figures?from=2026-11-10&to=2026-11-23&format=csv');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/csv');
    expect(r.body).toContain('mått;värde\r\n');
    // 13 of 27 visits by the contact caregiver = 0.48148… → four decimals, decimal comma.
    expect(r.body).toContain('andel besök av fast vårdkontakt;0,4815\r\n');
  });

  it('gives every day of the period in the trends, and the county in scope', async () => {
    const t = await get('/api/board/0180/trends?from=2026-11-22&to=2026-11-23');
    expect(t.body.days.map((d: any) => [d.day, d.visits, d.done])).toEqual([
      ['2026-11-22', 2, 2],
      ['2026-11-23', 4, 1],
    ]);
    const c = await get('/api/board/county?from=2026-11-10&to=2026-11-23');
    expect(c.body.items.map((i: any) => i.municipalityCode)).toEqual(['0180']);
    const admin = await get('/api/board/county?to=2026-11-23', await loginAs(app, 'admin'));
    expect(admin.body.items.map((i: any) => i.municipalityCode)).toEqual(['0180', '0184']);
  });

  it('refuses a date that does not exist, a period too long, a team outside the scope: 4xx naming the field', async () => {
    const bad = async (path: string, token = manager) => {
      const r = await get(path, token);
      return [r.status, r.body.error?.details?.[0]?.field];
    };
    expect(await bad('/api/board/0180/figures?from=2026-02-30&to=2026-03-05')).toEqual([
      400,
      'query.from',
    ]);
    expect(await bad('/api/board/0180/figures?from=2026-11-24&to=2026-11-23')).toEqual([
      400,
      'query.from',
    ]);
    expect(await bad('/api/board/0180/figures?from=2026-01-01&to=2026-11-23')).toEqual([
      400,
      'query.from',
    ]);
    expect(await bad('/api/board/0180/trends?to=2026-13-01')).toEqual([400, 'query.to']);
    expect(await bad('/api/board/0180/figures?team=nope')).toEqual([400, 'query.team']);
    expect(await bad(`/api/board/0180/figures?team=${B.teamSolna}`)).toEqual([404, 'query.team']);
    const norr = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'manager-norr', password: 'pw-manager-norr-secret' }),
    });
    const token = ((await norr.json()) as any).token;
    expect(await bad(`/api/board/0180/figures?team=${B.team}`, token)).toEqual([403, 'query.team']);
    const own = await get('/api/board/0180/figures?to=2026-11-23', token);
    expect(own).toMatchObject({ status: 200, body: { teamId: B.teamNorr } });
    expect(await bad('/api/board/0184/figures')).toEqual([403, 'path.municipality']);
  });

  it('audits the patient-level reads: continuity per patient and a patient-bound delegation', async () => {
    const r = await get('/api/board/0180/continuity/patients?to=2026-11-23');
    expect(r.body.items).toEqual([{ patientId: P, teamId: B.team, kolada: 2, allHours: 2 }]);
    const d = await get('/api/board/0180/delegations-expiring');
    expect(d.body.items).toMatchObject([
      { taskType: 'insulin_pen', staffName: 'Bo Berg', patientId: P },
    ]);
    expect((await auditRows()).map((a) => a.action).sort()).toEqual([
      'board.continuity_patients',
      'board.delegations',
    ]);
  });
});
