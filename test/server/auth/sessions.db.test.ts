import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { authenticateToken, openSession } from '../../../server/auth/sessions.ts';
import { createUser, loadPrincipal } from '../../../server/auth/users.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';
import { FIXED_NOW, TEST_COST } from '../../support/auth.ts';

describe.each(dbKinds())('authenticateToken on %s', (kind) => {
  let database: Database;
  const deps = () => ({ database, now: () => FIXED_NOW });
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertFixture(database.db);
  });
  afterAll(async () => database.close());

  // The one-query principal of every request must be the principal the users module reads.
  it('reads the same principal as loadPrincipal, scope included', async () => {
    const cases = [
      {
        username: 'two-municipalities',
        municipalities: ['0184', '0180'],
        teams: [IDS.teamSolna, IDS.team],
      },
      { username: 'no-scope', municipalities: [], teams: [] },
      {
        username: 'caregiver',
        municipalities: ['0180'],
        teams: [],
        staffId: IDS.rn,
        role: 'caregiver' as const,
      },
    ];
    for (const c of cases) {
      const userId = await createUser(
        database.db,
        { password: 'a long enough password', role: 'dispatcher', ...c },
        TEST_COST,
      );
      const { token } = await openSession(deps(), userId);
      const principal = await authenticateToken(deps(), token);
      expect(principal).toEqual(await loadPrincipal(database.db, userId));
      expect(principal!.municipalities).toEqual([...c.municipalities].sort());
      expect(principal!.teams).toEqual([...c.teams].sort());
    }
  });
});
