import { and, eq, sql } from 'drizzle-orm';
import { reusableQuery } from '../../db/reusable-query.ts';
import { municipalityByCode } from '../../db/reference/municipalities.ts';
import { patients } from '../../db/schema/index.ts';
import type { Command } from '../commands/run-command.ts';
import { AppError } from '../http/errors.ts';
import type { IntegrationClient } from './api-keys.ts';
import { auditAsClient } from './integration-audit.ts';
import type { DischargeMessage } from './message-schemas.ts';

type NewPatient = NonNullable<Extract<DischargeMessage, { kind: 'admission' }>['patient']>;

interface Claim {
  patientId?: string;
  personalNumber?: string;
  details?: NewPatient;
}

/** Built and prepared once: nearly every message names its patient by id. */
const patientQuery = reusableQuery<{ municipalityCode: string; number: string | null }[]>(
  'discharge_patient',
  (db) =>
    db
      .select({ municipalityCode: patients.municipalityCode, number: patients.personalNumber })
      .from(patients)
      .where(eq(patients.id, sql.placeholder('id'))),
);

const refuse = (status: 400 | 422, field: string, message: string) =>
  new AppError(status, 'validation_failed', 'The message does not name its patient clearly', [
    { field, message },
  ]);

/**
 * Who the message says the patient is, checked without the database: by `patientId`, by
 * `personalNumber`, or (an admission) by the details in `patient`; the numbers given must agree.
 */
export function claimedPatient(m: DischargeMessage): Claim {
  const details = m.kind === 'admission' ? m.patient : undefined;
  if (m.personalNumber && details && details.personalNumber !== m.personalNumber)
    throw refuse(400, 'body.patient.personalNumber', 'differs from body.personalNumber');
  const personalNumber = m.personalNumber ?? details?.personalNumber;
  if (!m.patientId && !personalNumber)
    throw refuse(400, 'body.patientId', 'name the patient by patientId or personalNumber');
  if (details && (details.lat === undefined) !== (details.lon === undefined))
    throw refuse(400, 'body.patient.lon', 'give both lat and lon, or neither');
  return { patientId: m.patientId, personalNumber, details };
}

/**
 * The patient the message is about, in the intake's transaction. A known personal number is
 * that patient; an unknown one on an admission notice with the patient's details creates the
 * patient (ordinary home; without coordinates at the municipality's centre, the place marked
 * unconfirmed), audited and announced (`patient.created`: the live state reads them in). A
 * `patientId` given with a number must be the number's patient; a patient without a number
 * gets it. Anything else is a 422 naming the field, and the transaction stores nothing.
 */
export async function resolvePatient(
  cmd: Command,
  client: IntegrationClient,
  requestId: string,
  m: DischargeMessage,
): Promise<string> {
  const { patientId, personalNumber, details } = claimedPatient(m);
  const byNumber = personalNumber ? await findByNumber(cmd, m.municipality, personalNumber) : null;
  const audit = (id: string, action: string) =>
    auditAsClient(
      cmd,
      client,
      requestId,
      { patientId: id, municipalityCode: m.municipality },
      action,
    );
  if (patientId) {
    const [known] = await patientQuery(cmd.tx, { id: patientId });
    if (!known || known.municipalityCode !== m.municipality)
      throw refuse(422, 'body.patientId', 'no such patient in the municipality');
    if (!personalNumber) return patientId;
    if ((byNumber && byNumber !== patientId) || (known.number && known.number !== personalNumber))
      throw refuse(422, 'body.personalNumber', 'not the personal number of body.patientId');
    if (!known.number) {
      await cmd.tx.update(patients).set({ personalNumber }).where(eq(patients.id, patientId));
      await audit(patientId, 'patient.update');
    }
    return patientId;
  }
  if (byNumber) return byNumber;
  if (!details || !personalNumber)
    throw refuse(
      422,
      m.kind === 'admission' ? 'body.patient' : 'body.personalNumber',
      'unknown personal number: an admission notice with the patient’s details creates the patient',
    );
  const centre = municipalityByCode(m.municipality);
  const placed = details.lat !== undefined && details.lon !== undefined;
  const [created] = await cmd.tx
    .insert(patients)
    .values({
      municipalityCode: m.municipality,
      personalNumber,
      name: details.name,
      address: details.address,
      lat: details.lat ?? centre?.lat ?? 0,
      lon: details.lon ?? centre?.lon ?? 0,
      locationConfirmed: placed,
      careSetting: 'ordinary_home',
    })
    .onConflictDoNothing()
    .returning({ id: patients.id });
  // The same number created at the same moment on another connection: theirs it is.
  if (!created) return (await findByNumber(cmd, m.municipality, personalNumber)) as string;
  await audit(created.id, 'patient.create');
  await cmd.emit(m.municipality, 'patient.created', { patientId: created.id });
  return created.id;
}

async function findByNumber(
  cmd: Command,
  municipality: string,
  personalNumber: string,
): Promise<string | null> {
  const [row] = await cmd.tx
    .select({ id: patients.id })
    .from(patients)
    .where(
      and(eq(patients.municipalityCode, municipality), eq(patients.personalNumber, personalNumber)),
    );
  return row?.id ?? null;
}
