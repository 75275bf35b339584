/**
 * Synthetic discharge cases for the demo: without them the discharge list is empty for anyone
 * trying the product. Each populated municipality gets four stays in the four states a
 * scheduler meets (costing money, liable tomorrow, ready today, not yet ready), sent through
 * the region's intake (receiveMessage, as POST /api/discharge/messages does) by a demo system
 * client, for existing demo patients, at times counted back from now. Same database, same now:
 * the same cases (ids of messages and stays are fixed; the patients are the first by id).
 */
import { asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.ts';
import type { DischargeNeed } from '../../db/reference/discharge.ts';
import {
  integrationClientMunicipalities,
  integrationClients,
  patients,
} from '../../db/schema/index.ts';
import { ZONE } from '../domain/stockholm-time.ts';
import type { EventBus } from '../live/event-bus.ts';
import type { Logger } from '../logger.ts';
import { createIntegrationClient, type IntegrationClient } from '../discharge/api-keys.ts';
import { dischargeClock } from '../discharge/discharge-clock.ts';
import { liabilityRules } from '../discharge/liability-settings.ts';
import type { DischargeMessage } from '../discharge/message-schemas.ts';
import { proposeOnReady } from '../discharge/propose-visits.ts';
import { receiveMessage } from '../discharge/receive-message.ts';

export const DEMO_CLIENT_NAME = 'demo-region';

interface DemoStay {
  key: string;
  /** Days from today to the payment liability's first day; null: not ready yet. */
  daysToLiability: number | null;
  hospital: string;
  ward: string;
  needs: DischargeNeed[];
}

const STAYS: readonly DemoStay[] = [
  {
    key: 'costing',
    daysToLiability: -1,
    hospital: 'Södersjukhuset',
    ward: 'Geriatrik avd 52',
    needs: ['medication', 'help_at_home', 'two_person_transfer'],
  },
  {
    key: 'tomorrow',
    daysToLiability: 1,
    hospital: 'Karolinska Solna',
    ward: 'Medicin avd 3',
    needs: ['medication', 'wound_care'],
  },
  {
    key: 'today',
    daysToLiability: 2,
    hospital: 'Danderyds sjukhus',
    ward: 'Ortopedi avd 12',
    needs: ['help_at_home', 'rehabilitation'],
  },
  {
    key: 'waiting',
    daysToLiability: null,
    hospital: 'Capio S:t Görans sjukhus',
    ward: 'Kardiologi avd 7',
    needs: ['medication'],
  },
];

/** Local 10:00 `daysBack` days before now, or now itself when that is later than now. */
function readyInstant(now: Date, daysBack: number): Date {
  const at = DateTime.fromJSDate(now, { zone: ZONE })
    .minus({ days: daysBack })
    .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
  return at > now ? now : at;
}

/**
 * When the ready-for-discharge notice must have come for the clock to show `target` days
 * left: the latest of the last 10 days that does, under the municipality's own rule.
 */
function readyAtFor(
  now: Date,
  target: number,
  rule: Parameters<typeof dischargeClock>[1],
): Date | null {
  for (let back = 0; back <= 10; back++) {
    const readyAt = readyInstant(now, back);
    const clock = dischargeClock(
      { readyAt, dischargedAt: null, cancelledAt: null, sipNeeded: false, now },
      rule,
    );
    if (clock.daysToLiability === target) return readyAt;
  }
  return null;
}

const iso = (d: Date) => d.toISOString();
const minus = (d: Date, hours: number) => new Date(d.getTime() - hours * 3_600_000);

/** The region's messages of one demo stay, in the order it sent them. */
function messagesOf(
  code: string,
  patientId: string,
  stay: DemoStay,
  readyAt: Date | null,
  now: Date,
): DischargeMessage[] {
  const stayId = `DEMO-${code}-${stay.key}`;
  const common = { municipality: code, stayId, patientId };
  const admittedAt = minus(readyAt ?? now, 48);
  const today = DateTime.fromJSDate(now, { zone: ZONE });
  const out: DischargeMessage[] = [
    {
      ...common,
      kind: 'admission',
      messageId: `${stayId}-1`,
      sentAt: iso(admittedAt),
      hospital: stay.hospital,
      ward: stay.ward,
      expectedDischargeDate: today.plus({ days: readyAt ? 1 : 3 }).toISODate() as string,
      needs: stay.needs,
      careType: 'somatic',
      sipNeeded: stay.key === 'costing',
    },
  ];
  if (!readyAt) return out;
  out.push({
    ...common,
    kind: 'ready_for_discharge',
    messageId: `${stayId}-2`,
    sentAt: iso(readyAt),
    readyAt: iso(readyAt),
  });
  if (stay.key === 'today')
    out.push({
      ...common,
      kind: 'planned_discharge',
      messageId: `${stayId}-3`,
      sentAt: iso(readyAt),
      plannedDischargeAt: iso(today.plus({ days: 1 }).set({ hour: 11, minute: 0 }).toJSDate()),
    });
  return out;
}

/** The demo's system client: made once (its key is never shown: nothing outside sends as it). */
async function demoClient(db: Db, codes: readonly string[]): Promise<IntegrationClient> {
  const [old] = await db
    .select({ id: integrationClients.id })
    .from(integrationClients)
    .where(eq(integrationClients.name, DEMO_CLIENT_NAME));
  if (!old) return (await createIntegrationClient(db, DEMO_CLIENT_NAME, [...codes])).client;
  await db
    .insert(integrationClientMunicipalities)
    .values(codes.map((municipalityCode) => ({ clientId: old.id, municipalityCode })))
    .onConflictDoNothing();
  return { id: old.id, name: DEMO_CLIENT_NAME, municipalities: [...codes] };
}

/**
 * Sends the demo stays' messages of every municipality that has demo patients. Returns how
 * many cases and messages were made.
 */
export async function seedDemoDischarges(
  db: Db,
  o: { municipalities: readonly string[]; now: Date; bus?: EventBus; signal?: AbortSignal },
): Promise<{ cases: number; messages: number }> {
  const client = await demoClient(db, o.municipalities);
  const ruleOf = await liabilityRules(db, [...o.municipalities]);
  const deps = { db, bus: o.bus, now: () => o.now };
  let cases = 0;
  let messages = 0;
  for (const code of o.municipalities) {
    const people = await db
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.municipalityCode, code))
      .orderBy(asc(patients.id))
      .limit(STAYS.length);
    for (const [i, stay] of STAYS.entries()) {
      if (o.signal?.aborted) return { cases, messages };
      const patient = people[i];
      if (!patient) break;
      const readyAt =
        stay.daysToLiability === null
          ? null
          : readyAtFor(o.now, stay.daysToLiability, ruleOf(code, 'somatic'));
      if (stay.daysToLiability !== null && !readyAt) continue;
      for (const m of messagesOf(code, patient.id, stay, readyAt, o.now)) {
        await receiveMessage(deps, client, 'demo-seed', m, proposeOnReady);
        messages++;
      }
      cases++;
    }
  }
  return { cases, messages };
}

/**
 * The demo's cases in the background of a serving process, as its history is: about two
 * seconds of intake on PGlite (208 messages) that would otherwise delay Ready. Their events
 * go on the bus, so a console open meanwhile sees the cases come. A failure is logged, never
 * fatal: the demo works without them.
 */
export function startDemoDischargesInBackground(
  db: Db,
  logger: Logger,
  o: { municipalities: readonly string[]; now: Date; bus: EventBus },
): { stop: () => Promise<void> } {
  const started = performance.now();
  const controller = new AbortController();
  const done = seedDemoDischarges(db, { ...o, signal: controller.signal }).then(
    (r) =>
      logger.info('demo discharge cases received', {
        ...r,
        ms: Math.round(performance.now() - started),
      }),
    (err: unknown) => logger.error('demo discharge cases failed', { err }),
  );
  return {
    /** Stops after the stay under way (shutdown); what was received stays. */
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}
