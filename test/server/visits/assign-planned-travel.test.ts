import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { assignments, visits } from '../../../db/schema/index.ts';
import { SYSTEM } from '../../../server/commands/run-command.ts';
import { estimateProvider } from '../../../server/travel/estimate-provider.ts';
import type { TravelProvider } from '../../../server/travel/travel-provider.ts';
import { assignVisit } from '../../../server/visits/assign-visit.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld, recordingBus } from '../support/world.ts';

/**
 * A dispatcher's assignment prices its own leg and the next stop's. Base Söder (59.31, 18.07)
 * to the patient (59.315, 18.072): 567.4 m great-circle × 1.3 detour = 738 m; by car (the RN)
 * (738 / 8.333 m/s + 240 s) × 1.1 + 60 = 421 s, by bike (the AN) (738 / 4.167 m/s + 60 s)
 * × 1.1 + 60 = 321 s; from the same patient 0.
 */
describe.each(dbKinds())('planned travel of a manual assignment on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
  });
  afterAll(async () => database.close());

  const legs = async (visitId: string) =>
    Object.fromEntries(
      (await database.db.select().from(assignments).where(eq(assignments.visitId, visitId))).map(
        (a) => [a.staffId, a.plannedTravelSeconds],
      ),
    );

  it('prices the leg from the base, then moves the next stop to come from the new visit', async () => {
    const deps = { db: database.db, bus: recordingBus(), now: () => W.now };
    // The 10:00 lift first: both come from the base.
    await assignVisit(deps, SYSTEM, {
      visitId: W.visitLift,
      staffIds: [W.rn, W.an],
      expectedVersion: 1,
    });
    expect(await legs(W.visitLift)).toEqual({ [W.rn]: 421, [W.an]: 321 });
    // The RN's 07:30 visit comes before it: hers is now from the base, the lift from there.
    await assignVisit(deps, SYSTEM, {
      visitId: W.visitMorning,
      staffIds: [W.rn],
      expectedVersion: 1,
    });
    expect(await legs(W.visitMorning)).toEqual({ [W.rn]: 421 });
    expect(await legs(W.visitLift)).toEqual({ [W.rn]: 0, [W.an]: 321 });
  });

  it('leaves it null with a road network (not asked inside the transaction)', async () => {
    const road: TravelProvider = { ...estimateProvider(), kind: 'osrm', sync: undefined };
    const deps = { db: database.db, bus: recordingBus(), now: () => W.now, travel: road };
    // A fresh unassigned visit for the RN at 12:00, at the same patient.
    const id = '20000000-0000-4000-8000-0000000000aa';
    await database.db.insert(visits).values({
      id,
      municipalityCode: '0180',
      patientId: W.patient,
      windowStart: new Date('2026-11-23T11:00:00Z'),
      windowEnd: new Date('2026-11-23T12:00:00Z'),
      durationMinutes: 20,
      taskTypes: ['injection'],
      requiredProfession: 'rn',
    });
    await assignVisit(deps, SYSTEM, { visitId: id, staffIds: [W.rn], expectedVersion: 1 });
    expect(await legs(id)).toEqual({ [W.rn]: null });
  });
});
