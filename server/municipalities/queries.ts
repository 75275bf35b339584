import { asc, count, eq } from 'drizzle-orm';
import { type Db, perDatabase } from '../../db/client.ts';
import { municipalities } from '../../db/schema/index.ts';
import { AppError } from '../http/errors.ts';

export async function listMunicipalities(db: Db, limit: number, offset: number) {
  const [items, [{ total }]] = await Promise.all([
    db.select().from(municipalities).orderBy(asc(municipalities.code)).limit(limit).offset(offset),
    db.select({ total: count() }).from(municipalities),
  ]);
  return { items, page: { limit, offset, total } };
}

export async function getMunicipality(db: Db, code: string) {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.code, code));
  return row;
}

/** Codes known to exist, per database: municipalities are reference data, never removed. */
const knownCodes = perDatabase(() => new Set<string>());

/** Whether a municipality has this code (asked of the database once per code). */
export async function municipalityExists(db: Db, code: string): Promise<boolean> {
  const codes = knownCodes(db);
  if (codes.has(code)) return true;
  const found = (await getMunicipality(db, code)) !== undefined;
  if (found) codes.add(code);
  return found;
}

/** A municipality code given by a client must exist; the error names the field it came in. */
export async function assertMunicipality(db: Db, code: string, field: string): Promise<void> {
  if (!(await municipalityExists(db, code))) {
    throw new AppError(404, 'not_found', `Unknown municipality ${code}`, [
      { field, message: `no municipality has code ${code}` },
    ]);
  }
}
