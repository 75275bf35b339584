import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { auditLog, events, visits } from '../../../db/schema/index.ts';
import {
  type Command,
  SYSTEM,
  TRANSACTION_ATTEMPTS,
  isRetryable,
  runCommand,
} from '../../../server/commands/run-command.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld, recordingBus } from '../support/world.ts';

/** A driver error as Drizzle wraps it: the PostgreSQL code on the cause. */
const wrapped = (code: string) =>
  new Error('Failed query: …', { cause: Object.assign(new Error('pg'), { code }) });

describe('isRetryable', () => {
  it('knows deadlocks and serialization failures, on the error or its cause', () => {
    expect(isRetryable(wrapped('40P01'))).toBe(true);
    expect(isRetryable(wrapped('40001'))).toBe(true);
    expect(isRetryable(Object.assign(new Error('x'), { code: '40P01' }))).toBe(true);
    expect(isRetryable(wrapped('23505'))).toBe(false); // unique violation: the client's
    expect(isRetryable(Object.assign(new Error('x'), { code: 'conflict' }))).toBe(false);
    expect(isRetryable(undefined)).toBe(false);
  });
});

describe.each(dbKinds())('runCommand on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
  });
  afterAll(async () => database.close());

  const seqs = async () =>
    (await database.db.select().from(events).orderBy(asc(events.seq))).map((e) => e.seq);

  it('runs an aborted transaction again: its first writes and events are gone', async () => {
    const bus = recordingBus();
    const before = await seqs();
    let calls = 0;
    const result = await runCommand(
      { db: database.db, bus, now: () => W.now },
      SYSTEM,
      async ({ emit }) => {
        calls++;
        await emit('0180', 'test.tried', { calls });
        if (calls === 1) throw wrapped('40P01');
        return calls;
      },
    );
    expect(result).toBe(2);
    expect(bus.events.map((e) => e.payload)).toEqual([{ calls: 2 }]);
    // The first attempt's event was rolled back with its number: no gap.
    expect(await seqs()).toEqual([...before, before.length + 1]);
  });

  it("writes the actor's audit rows in the transaction: they roll back with the work", async () => {
    const deps = { db: database.db, now: () => W.now };
    const actor = {
      principal: {
        userId: 'u-audit',
        username: 'dispatcher',
        role: 'dispatcher' as const,
        municipalities: ['0180'],
        teams: [],
        staffId: null,
      },
      requestId: 'req-audit',
    };
    const subject = { patientId: W.patient, municipalityCode: '0180' };
    const rows = async () =>
      (await database.db.select().from(auditLog).where(eq(auditLog.action, 'visit.test'))).length;
    await expect(
      runCommand(deps, actor, async ({ audit }) => {
        await audit('visit.test', [subject]);
        throw new Error('refused after the audit');
      }),
    ).rejects.toThrow(/refused/);
    expect(await rows()).toBe(0);
    await runCommand(deps, actor, ({ audit }) => audit('visit.test', [subject]));
    expect(await rows()).toBe(1);
    // The system acts on no one's behalf: no row.
    await runCommand(deps, SYSTEM, ({ audit }) => audit('visit.test', [subject]));
    expect(await rows()).toBe(1);
  });

  it('gives up after TRANSACTION_ATTEMPTS, and at once on other errors', async () => {
    const deps = { db: database.db, now: () => W.now };
    let calls = 0;
    await expect(
      runCommand(deps, SYSTEM, async () => {
        calls++;
        throw wrapped('40001');
      }),
    ).rejects.toThrow(/Failed query/);
    expect(calls).toBe(TRANSACTION_ATTEMPTS);
    calls = 0;
    await expect(
      runCommand(deps, SYSTEM, async () => {
        calls++;
        throw wrapped('23505');
      }),
    ).rejects.toThrow(/Failed query/);
    expect(calls).toBe(1);
  });

  it.skipIf(kind === 'pglite')(
    'survives a real deadlock: PostgreSQL aborts one, it runs again, both commit',
    async () => {
      const deps = { db: database.db, now: () => W.now };
      let bothLocked!: () => void;
      const barrier = new Promise<void>((r) => (bothLocked = r));
      let locked = 0;
      const touch = (tx: Command['tx'], id: string) =>
        tx
          .update(visits)
          .set({ pinned: sql`${visits.pinned}` })
          .where(eq(visits.id, id));
      // Each locks one visit's row and then wants the other's: a cycle PostgreSQL breaks.
      const crossing = (first: string, second: string) =>
        runCommand(deps, SYSTEM, async ({ tx }) => {
          await touch(tx, first);
          if (++locked === 2) bothLocked();
          await barrier;
          await touch(tx, second);
          return 'committed';
        });
      const results = await Promise.all([
        crossing(W.visitMorning, W.visitEvening),
        crossing(W.visitEvening, W.visitMorning),
      ]);
      expect(results).toEqual(['committed', 'committed']);
      expect(locked).toBe(3); // one of them ran twice
    },
  );
});
