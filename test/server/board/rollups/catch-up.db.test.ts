import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../../../../db/client.ts';
import { startRollupCatchUp } from '../../../../server/board/rollups/catch-up.ts';
import { createLogger } from '../../../../server/logger.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import { B, addPatient, addVisit, insertBoardWorld } from '../support/board-world.ts';

const count = async (db: Database['db'], table: string) =>
  rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
  )[0]!.n;

describe.each(dbKinds())('the rollups catch-up (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    const { db } = database;
    await insertBoardWorld(db);
    const P = await addPatient(db, 'P', B.an);
    for (const date of ['2026-11-16', '2026-11-17', '2026-11-18'])
      await addVisit(db, {
        patientId: P,
        date,
        from: '09:00',
        staffIds: [B.an],
        status: 'done',
        started: '09:05',
        finished: '09:30',
      });
  });
  afterAll(() => database.close());

  it('computes every day the triggers marked, so no board read pays for them', async () => {
    const { db } = database;
    expect(await count(db, 'board_dirty_days')).toBeGreaterThanOrEqual(3);
    const logger = createLogger('silent');
    const days = await startRollupCatchUp(db, logger).done;
    expect(days).toBeGreaterThanOrEqual(3);
    expect(await count(db, 'board_dirty_days')).toBe(0);
    const done = rowsOf<{ day: string; done: number }>(
      await db.execute(sql`select day::text as day, sum(done)::int as done from board_day_rollups
        where team_key = '00000000-0000-0000-0000-000000000000'
          and day between '2026-11-16' and '2026-11-18' group by 1 order by 1`),
    );
    expect(done).toEqual([
      { day: '2026-11-16', done: 1 },
      { day: '2026-11-17', done: 1 },
      { day: '2026-11-18', done: 1 },
    ]);
  });

  it('does nothing once stopped before it began', async () => {
    const { db } = database;
    await db.execute(sql`insert into board_dirty_days (municipality_code, day)
      values ('0180', '2026-11-19') on conflict do nothing`);
    let release!: () => void;
    const catchUp = startRollupCatchUp(
      db,
      createLogger('silent'),
      new Promise<void>((r) => (release = r)),
    );
    const stopping = catchUp.stop();
    release();
    await stopping;
    expect(await catchUp.done).toBe(0);
    expect(await count(db, 'board_dirty_days')).toBe(1);
  });
});
