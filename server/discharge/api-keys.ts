import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { type Db, perDatabase } from '../../db/client.ts';
import { integrationClientMunicipalities, integrationClients } from '../../db/schema/index.ts';

/** A system client as a request knows it: the region's integration, scoped to municipalities. */
export interface IntegrationClient {
  id: string;
  name: string;
  municipalities: string[];
}

const KEY_PREFIX = 'hsk_';
const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

/** Registers a client and returns its API key, shown this once (only its hash is kept). */
export async function createIntegrationClient(
  db: Db,
  name: string,
  municipalities: string[],
): Promise<{ client: IntegrationClient; key: string }> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(integrationClients)
      .values({ name, keyHash: keyHash(key) })
      .returning({ id: integrationClients.id });
    if (municipalities.length)
      await tx
        .insert(integrationClientMunicipalities)
        .values(municipalities.map((municipalityCode) => ({ clientId: row.id, municipalityCode })));
    return { client: { id: row.id, name, municipalities }, key };
  });
}

/**
 * How long a key's client is reused without asking the database: every region message asked
 * it (a join, one of the intake's statements). Only keys found are kept, so a new key works
 * at once; a client disabled in the database (there is no route for it) is refused within
 * this time.
 */
export const CLIENT_CACHE_MS = 10_000;

const cacheOf = perDatabase(
  () => new LRUCache<string, { client: IntegrationClient; readAt: number }>({ max: 1000 }),
);

/** The enabled client holding this key, or null. */
export async function clientByKey(db: Db, key: string): Promise<IntegrationClient | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return null;
  const hash = keyHash(key);
  const cache = cacheOf(db);
  const cached = cache.get(hash);
  const now = Date.now();
  if (cached && now - cached.readAt < CLIENT_CACHE_MS && now >= cached.readAt) return cached.client;
  const client = await readClient(db, hash);
  if (client) cache.set(hash, { client: Object.freeze(client), readAt: now });
  else cache.delete(hash);
  return client;
}

async function readClient(db: Db, hash: string): Promise<IntegrationClient | null> {
  const rows = await db
    .select({
      id: integrationClients.id,
      name: integrationClients.name,
      municipality: integrationClientMunicipalities.municipalityCode,
    })
    .from(integrationClients)
    .leftJoin(
      integrationClientMunicipalities,
      eq(integrationClientMunicipalities.clientId, integrationClients.id),
    )
    .where(and(eq(integrationClients.keyHash, hash), isNull(integrationClients.disabledAt)));
  if (!rows.length) return null;
  return {
    id: rows[0].id,
    name: rows[0].name,
    municipalities: rows.flatMap((r) => (r.municipality ? [r.municipality] : [])),
  };
}
