import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { App } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { bearer, insertUsers, loginAs, passwordOf, testApp } from '../support/auth.ts';
import { dbKinds, freshDatabase } from '../support/databases.ts';
import { IDS, SENSITIVE, insertFixture } from '../support/fixtures.ts';

const REASON = 'Brandlarm hos patienten, ordinarie team saknas';
const DOOR_CODE_BODY = { note: 'portkod 1234', personnummer: '19121212-1212' };

describe.each(dbKinds())('nothing sensitive in the logs (%s)', (kind) => {
  let database: Database;
  let app: App;
  const lines: string[] = [];
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
    await insertUsers(database.db);
    app = await testApp(database, { logger: createLogger('debug', {}, (l) => lines.push(l)) });
  });
  afterAll(async () => database.close());

  it('logs requests, log-ins and emergency access by id only', async () => {
    const token = await loginAs(app, 'dispatcher');
    const admin = await loginAs(app, 'admin');
    const json = (t: string) => ({ ...bearer(t), 'content-type': 'application/json' });
    await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher-0180', password: 'wrong-but-secret-pw' }),
    });
    await app.request(`/api/patients?municipality=0180&patient=${IDS.patient}`, {
      headers: bearer(token),
    });
    await app.request(`/api/patients/${IDS.patient}`, { headers: bearer(token) });
    await app.request(`/api/patients/${IDS.patientSolna}`, {
      headers: { ...bearer(token), 'x-emergency-access-reason': REASON },
    });
    await app.request('/api/visits', {
      method: 'POST',
      headers: json(token),
      body: JSON.stringify(DOOR_CODE_BODY),
    });
    await app.request('/api/visits', {
      method: 'POST',
      headers: json(token),
      body: '{"notes": "portkod 1234",',
    });
    await app.request('/api/users', {
      method: 'POST',
      headers: json(admin),
      body: JSON.stringify({
        username: 'new-nurse',
        password: 'a-very-secret-password',
        role: 'caregiver',
        municipalities: ['0180'],
        staffId: IDS.an,
      }),
    });

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(8);
    expect(log).toContain('"msg":"emergency access"');
    expect(log).toContain('"msg":"logged in"');
    expect(log).toContain('"route":"/api/patients/:id"');
    for (const secret of [
      ...SENSITIVE,
      '19121212-1212',
      REASON,
      'wrong-but-secret-pw',
      'a-very-secret-password',
      passwordOf('dispatcher', '0180'),
      token,
      admin,
      IDS.patient, // paths and query strings that name a patient are not logged
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
