import { sql } from 'drizzle-orm';
import type { Tx } from '../../events/append-events.ts';

/**
 * Serialises generations of one municipality's day across every server process, with no
 * table of its own: a transaction-scoped advisory lock keyed on (municipality, date), taken
 * first in the generation's transaction and released by its commit or rollback. The second
 * generation waits, then reads what the first wrote and finds nothing left to add. Any team
 * takes the municipality's lock: two teams' generations are rare and short. Works the same on
 * PGlite (one connection: transactions run one by one anyway).
 */
export async function lockDay(tx: Tx, municipality: string, date: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('planning.generate'), hashtext(${`${municipality}:${date}`}))`,
  );
}
