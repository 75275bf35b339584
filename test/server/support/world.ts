import type { Db } from '../../../db/client.ts';
import { delegations, patientExclusions, shifts, staff, visits } from '../../../db/schema/index.ts';
import type { EventBus, LiveEvent } from '../../../server/live/event-bus.ts';
import { IDS, insertFixture } from '../../support/fixtures.ts';

/**
 * The shared fixture plus what dispatch needs, all on 2026-11-23 (UTC+1): day shifts
 * 07:00–16:00 for the RN and the AN, a second AN the patient has refused, the AN's insulin
 * delegation (valid all year), and a two-person lift visit at 10:00.
 */
export const W = {
  ...IDS,
  an2: '20000000-0000-4000-8000-000000000001',
  rnNight: '20000000-0000-4000-8000-000000000002',
  visitLift: '20000000-0000-4000-8000-000000000003',
  delegation: '20000000-0000-4000-8000-000000000004',
  now: new Date('2026-11-23T05:00:00Z'), // 06:00 Stockholm
};

export async function insertWorld(db: Db): Promise<void> {
  await insertFixture(db);
  await db.insert(staff).values([
    {
      id: W.an2,
      hsaId: 'SE2120001234-AN02',
      name: 'Cecilia Ek',
      profession: 'an',
      municipalityCode: '0180',
      teamId: IDS.team,
      travelMode: 'walk',
    },
    {
      id: W.rnNight,
      hsaId: 'SE2120001234-RN09',
      name: 'Nils Natt',
      profession: 'rn',
      municipalityCode: '0180',
      teamId: IDS.team,
      travelMode: 'car',
    },
  ]);
  const day = (staffId: string) => ({
    staffId,
    municipalityCode: '0180',
    kind: 'day' as const,
    startsAt: new Date('2026-11-23T06:00:00Z'),
    endsAt: new Date('2026-11-23T15:00:00Z'),
  });
  await db.insert(shifts).values([day(IDS.rn), day(IDS.an), day(W.an2)]);
  await db.insert(patientExclusions).values({ patientId: IDS.patient, staffId: W.an2 });
  await db.insert(delegations).values({
    id: W.delegation,
    staffId: IDS.an,
    taskType: 'insulin_pen',
    delegatedBy: IDS.rn,
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validTo: new Date('2026-12-31T00:00:00Z'),
  });
  await db.insert(visits).values({
    id: W.visitLift,
    municipalityCode: '0180',
    patientId: IDS.patient,
    windowStart: new Date('2026-11-23T09:00:00Z'),
    windowEnd: new Date('2026-11-23T09:30:00Z'),
    durationMinutes: 30,
    taskTypes: ['lift_assist'],
    requiredProfession: 'an',
    staffCount: 2,
  });
}

/** Records the events of a municipality as the bus delivers them, from when it follows. */
export async function recordEvents(
  bus: EventBus,
  municipality: string,
  into: LiveEvent[],
): Promise<void> {
  await bus.subscribe(municipality, (e) => into.push(e)).ready;
}

/** A bus that records what services publish. */
export function recordingBus(): EventBus & { events: LiveEvent[] } {
  const events: LiveEvent[] = [];
  return {
    events,
    publish: async (e) => {
      events.push(e);
    },
    subscribe: () => ({ ready: Promise.resolve(), unsubscribe: () => {} }),
    close: async () => {},
  };
}

export interface Failure {
  status: number;
  code: string;
  message: string;
  details: { field?: string; message: string }[];
}

/** The error a service call fails with (the test fails when it succeeds). */
export async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (e) {
    return e as Failure;
  }
  throw new Error('expected the call to fail');
}
