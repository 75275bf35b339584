import { and, desc, eq, sql } from 'drizzle-orm';
import { events } from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';
import type { SnapshotPosition } from '../live/protocol.ts';
import { POSITION_MAX_AGE_MS } from './positions.ts';

/**
 * How many of the municipality's newest events are looked through, at most: a bound on the
 * read whatever the log's length. At one logged fix a minute per caregiver, 30 minutes of
 * 1 000 caregivers are 30 000 events, so a day's other events still fit beside them.
 */
const SCAN_LIMIT = 50_000;

/**
 * The latest known position per caregiver of the municipality: the newest 'staff.position'
 * event of each whose fix is no older than POSITION_MAX_AGE_MS at `now`. Read from the log,
 * not this process's PositionStore, so every process gives the same answer. One query.
 */
export async function readRecentPositions(
  q: Tx,
  code: string,
  now: Date,
): Promise<SnapshotPosition[]> {
  const recent = q
    .select({ seq: events.seq, type: events.type, payload: events.payload })
    .from(events)
    .where(eq(events.municipalityCode, code))
    .orderBy(desc(events.seq))
    .limit(SCAN_LIMIT)
    .as('recent');
  const staffId = sql<string>`${recent.payload}->>'staffId'`;
  const cutoff = new Date(now.getTime() - POSITION_MAX_AGE_MS).toISOString();
  const rows = await q
    .selectDistinctOn([staffId], { payload: recent.payload })
    .from(recent)
    .where(
      and(
        eq(recent.type, 'staff.position'),
        sql`(${recent.payload}->>'at')::timestamptz >= ${cutoff}::timestamptz`,
      ),
    )
    .orderBy(staffId, desc(recent.seq));
  return rows.map(({ payload }) => {
    const p = payload as SnapshotPosition;
    return { staffId: p.staffId, lat: p.lat, lon: p.lon, at: p.at, status: p.status };
  });
}
