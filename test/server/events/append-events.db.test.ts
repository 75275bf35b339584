import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { events } from '../../../db/schema/index.ts';
import { appendEvent, appendEvents } from '../../../server/events/append-events.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { seedMunicipalities } from '../../../db/seed/seed.ts';

describe.each(dbKinds())('appending events on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedMunicipalities(database.db);
  });
  afterAll(async () => database.close());

  const logged = async (code: string) =>
    database.db
      .select({ seq: events.seq, type: events.type, payload: events.payload })
      .from(events)
      .where(eq(events.municipalityCode, code))
      .orderBy(asc(events.seq));

  it('numbers one and many events gaplessly, in the order given, payloads intact', async () => {
    const odd = { text: 'Åsa "O\'Neil" \\ ⏰', nested: { list: [1, null, true] } };
    const one = await database.db.transaction((tx) => appendEvent(tx, '0180', 'a', { n: 1 }));
    const many = await database.db.transaction((tx) =>
      appendEvents(tx, '0180', [
        { type: 'b', payload: { n: 2 } },
        { type: 'c', payload: odd },
        { type: 'd', payload: { n: 4 } },
      ]),
    );
    const last = await database.db.transaction((tx) => appendEvent(tx, '0180', 'e', { n: 5 }));
    expect([one.seq, ...many.map((e) => e.seq), last.seq]).toEqual([1, 2, 3, 4, 5]);
    expect(await logged('0180')).toEqual([
      { seq: 1, type: 'a', payload: { n: 1 } },
      { seq: 2, type: 'b', payload: { n: 2 } },
      { seq: 3, type: 'c', payload: odd },
      { seq: 4, type: 'd', payload: { n: 4 } },
      { seq: 5, type: 'e', payload: { n: 5 } },
    ]);
    expect(many[1].createdAt).toBeInstanceOf(Date);
    expect(Number.isNaN(many[1].createdAt.getTime())).toBe(false);
  });

  it('leaves no gap when the transaction rolls back, and appends nothing for no events', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await appendEvents(tx, '0184', [{ type: 'x', payload: {} }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await database.db.transaction((tx) => appendEvents(tx, '0184', []))).toEqual([]);
    const e = await database.db.transaction((tx) => appendEvent(tx, '0184', 'y', {}));
    expect(e.seq).toBe(1);
  });

  it('keeps numbers unique and gapless under concurrent writers', async () => {
    // Some outside any transaction: one statement is its own (as for positions).
    await Promise.all([1, 2].map((i) => appendEvent(database.db, '0186', 'auto', { i })));
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.db.transaction(async (tx) => {
          if (i % 3 === 0)
            await appendEvents(tx, '0186', [
              { type: 'm', payload: { i } },
              { type: 'm', payload: { i } },
            ]);
          else await appendEvent(tx, '0186', 's', { i });
        }),
      ),
    );
    expect((await logged('0186')).map((e) => e.seq)).toEqual(
      Array.from({ length: 18 }, (_, i) => i + 1),
    );
  });
});
