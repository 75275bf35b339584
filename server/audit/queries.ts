import { and, desc, count, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, users } from '../../db/schema/index.ts';

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  userId: auditLog.userId,
  username: users.username,
  role: auditLog.role,
  patientId: auditLog.patientId,
  municipalityCode: auditLog.municipalityCode,
  unit: auditLog.unit,
  action: auditLog.action,
  requestId: auditLog.requestId,
  emergency: auditLog.emergency,
  reason: auditLog.reason,
};

type Row = { at: Date } & Record<string, unknown>;
const view = <T extends Row>(r: T) => ({ ...r, at: r.at.toISOString() });

const withUser = (db: Db) =>
  db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, sql`${users.id}::text = ${auditLog.userId}`);

/** A patient's log extract, newest first (PDL: a patient may ask who read their data). */
export async function patientLog(db: Db, patientId: string, limit: number, offset: number) {
  const w = eq(auditLog.patientId, patientId);
  const [items, [{ total }]] = await Promise.all([
    withUser(db).where(w).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset),
    db.select({ total: count() }).from(auditLog).where(w),
  ]);
  return { items: items.map(view), page: { limit, offset, total } };
}

export interface ReviewQuery {
  /** null: every municipality (admin). */
  municipalities: string[] | null;
  since: Date;
  sample: number;
  seed: number;
}

/**
 * A sampled review: `sample` accesses drawn at random (the same seed draws the same rows) from
 * the period, plus every emergency access in it, which must always be reviewed.
 */
export async function reviewSample(db: Db, q: ReviewQuery) {
  const parts: SQL[] = [gte(auditLog.at, q.since)];
  if (q.municipalities) parts.push(inArray(auditLog.municipalityCode, q.municipalities));
  const w = and(...parts);
  const draw = sql`md5(${auditLog.id}::text || ':' || ${String(q.seed)})`;
  const [sample, emergency, [{ total }]] = await Promise.all([
    withUser(db).where(w).orderBy(draw).limit(q.sample),
    withUser(db)
      .where(and(w, eq(auditLog.emergency, true)))
      .orderBy(desc(auditLog.at))
      .limit(500),
    db.select({ total: count() }).from(auditLog).where(w),
  ]);
  return {
    since: q.since.toISOString(),
    total,
    sample: sample.map(view),
    emergency: emergency.map(view),
  };
}
