/**
 * Demo log-ins for the embedded demo database: one user per role for a few municipalities,
 * with fixed, printed passwords. Never created on a real PostgreSQL (see server/bootstrap.ts).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staff, users } from '../../db/schema/index.ts';
import { createUser } from '../auth/users.ts';
import type { UserRole } from '../../db/reference/roles.ts';

export const DEMO_USER_MUNICIPALITIES = ['0180', '0184', '0182'];
const ROLES_PER_MUNICIPALITY: UserRole[] = ['dispatcher', 'scheduler', 'manager', 'caregiver'];

export interface DemoUser {
  username: string;
  password: string;
  role: UserRole;
  municipality: string | null;
}

/** Creates the missing demo users (idempotent) and returns every demo log-in. */
export async function seedDemoUsers(db: Db): Promise<DemoUser[]> {
  const wanted: (DemoUser & { staffId: string | null })[] = [
    {
      username: 'admin',
      password: 'demo-admin-all',
      role: 'admin',
      municipality: null,
      staffId: null,
    },
  ];
  for (const code of DEMO_USER_MUNICIPALITIES) {
    // The caregiver is the first active nurse of the municipality; no staff, no demo users.
    const [nurse] = await db
      .select({ id: staff.id })
      .from(staff)
      .where(
        and(eq(staff.municipalityCode, code), eq(staff.active, true), eq(staff.profession, 'rn')),
      )
      .orderBy(asc(staff.hsaId))
      .limit(1);
    if (!nurse) continue;
    for (const role of ROLES_PER_MUNICIPALITY) {
      wanted.push({
        username: `${role}-${code}`,
        password: `demo-${role}-${code}`,
        role,
        municipality: code,
        staffId: role === 'caregiver' ? nurse.id : null,
      });
    }
  }
  const existing = new Set(
    (
      await db
        .select({ username: users.username })
        .from(users)
        .where(
          inArray(
            users.username,
            wanted.map((w) => w.username),
          ),
        )
    ).map((u) => u.username),
  );
  for (const w of wanted) {
    if (existing.has(w.username)) continue;
    await createUser(db, {
      username: w.username,
      password: w.password,
      role: w.role,
      municipalities: w.municipality ? [w.municipality] : [],
      staffId: w.staffId,
    });
  }
  return wanted.map(({ staffId: _staffId, ...u }) => u);
}

/** The table printed at start so people can log in to the demo. */
export function formatDemoUsers(list: DemoUser[]): string {
  const lines = list.map((u) => `    ${u.username.padEnd(18)} ${u.password}`);
  return `  Demo log-ins (embedded demo database only):\n${lines.join('\n')}\n`;
}
