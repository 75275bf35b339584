import { jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.ts';
import { users } from './users.ts';

/**
 * A municipality's planning settings, set by its schedulers: the cap on distinct caregivers
 * per patient and the objective's weights. No row: the defaults the continuity benchmark
 * justifies. Weights are a JSON object checked by zod at the edge, so a new weight needs no
 * migration; a missing key takes its default.
 */
export const planningSettings = pgTable('planning_settings', {
  municipalityCode: text()
    .primaryKey()
    .references(() => municipalities.code),
  /** Soft cap on distinct caregivers per patient over the continuity horizon; 0: none. */
  maxDistinctCaregivers: smallint().notNull().default(0),
  weights: jsonb().notNull().default({}),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid().references(() => users.id),
});
