import { sql } from 'drizzle-orm';
import {
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { USER_ROLES } from '../reference/roles.ts';
import { municipalities } from './municipalities.ts';
import { teams } from './organisation.ts';
import { staff } from './staff.ts';

export const userRoleEnum = pgEnum('user_role', USER_ROLES);

/** A person who logs in. The password is kept only as a salted scrypt hash. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull().unique(),
    passwordHash: text().notNull(),
    role: userRoleEnum().notNull(),
    /** A caregiver's own staff row: they see only their route and its patients. */
    staffId: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('user_caregiver_has_staff', sql`${t.role} <> 'caregiver' or ${t.staffId} is not null`),
    check('user_username_shape', sql`${t.username} ~ '^[A-Za-z0-9._@-]{3,64}$'`),
  ],
);

/** The municipalities a user works in (their scope). */
export const userMunicipalities = pgTable(
  'user_municipalities',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.municipalityCode] })],
);

/** Optional narrower scope: teams inside those municipalities. */
export const userTeams = pgTable(
  'user_teams',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.teamId] })],
);

/**
 * A log-in. Only the SHA-256 of the token is stored, so a database dump cannot be replayed;
 * revocation is a row update every server process sees.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);
