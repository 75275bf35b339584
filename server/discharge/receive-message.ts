import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { reusableQuery } from '../../db/reusable-query.ts';
import { auditLog, dischargeCases, dischargeMessages } from '../../db/schema/index.ts';
import { type Command, type CommandDeps, SYSTEM, runCommand } from '../commands/run-command.ts';
import { parseInstant, rangeAround } from '../domain/stockholm-time.ts';
import { AppError, type ErrorDetail } from '../http/errors.ts';
import type { IntegrationClient } from './api-keys.ts';
import { type FoldMessage, foldCase } from './fold-case.ts';
import { INTEGRATION_ROLE } from './integration-audit.ts';
import type { DischargeMessage } from './message-schemas.ts';
import { claimedPatient, resolvePatient } from './patient-identity.ts';

export interface Receipt {
  messageId: string;
  caseId: string;
  receivedAt: string;
}

export { INTEGRATION_ROLE };

const INSTANT_FIELDS = ['sentAt', 'readyAt', 'plannedDischargeAt', 'dischargedAt'] as const;

/** The message with its instants as UTC ISO strings (refused, naming the field, out of range). */
function normalise(m: DischargeMessage, now: Date): Record<string, unknown> {
  const out: Record<string, unknown> = { ...m };
  const problems: ErrorDetail[] = [];
  for (const field of INSTANT_FIELDS) {
    const text = out[field];
    if (typeof text !== 'string') continue;
    const range =
      field === 'sentAt'
        ? rangeAround(now, { years: 1 }, { hours: 1 })
        : rangeAround(now, { years: 1 }, { years: 1 });
    const parsed = parseInstant(text, range);
    if (parsed.ok) out[field] = parsed.value.toISOString();
    else problems.push({ field: `body.${field}`, message: parsed.message });
  }
  if (problems.length)
    throw new AppError(400, 'validation_failed', 'The message is not valid', problems);
  return out;
}

/** SHA-256 of the body with its keys sorted: the same content, the same hash. */
function contentHash(body: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

const receiptOf = (r: { messageId: string; caseId: string; receivedAt: Date }): Receipt => ({
  messageId: r.messageId,
  caseId: r.caseId,
  receivedAt: r.receivedAt.toISOString(),
});

const reused = () =>
  new AppError(409, 'conflict', 'This messageId was already used for another message', [
    { field: 'body.messageId', message: 'already used with different content' },
  ]);

/** The same id again: the first answer if the content is the same, else 409. */
async function replay(
  db: CommandDeps['db'] | Command['tx'],
  messageId: string,
  hash: string,
): Promise<Receipt | null> {
  const [old] = await db
    .select({
      messageId: dischargeMessages.messageId,
      caseId: dischargeMessages.caseId,
      receivedAt: dischargeMessages.receivedAt,
      contentHash: dischargeMessages.contentHash,
    })
    .from(dischargeMessages)
    .where(eq(dischargeMessages.messageId, messageId));
  if (!old) return null;
  if (old.contentHash !== hash) throw reused();
  return receiptOf(old);
}

/** A case's messages as the fold reads them: built and prepared once (every message runs it). */
const caseMessagesQuery = reusableQuery<FoldMessage[]>('discharge_case_messages', (db) =>
  db
    .select({
      messageId: dischargeMessages.messageId,
      kind: dischargeMessages.kind,
      sentAt: dischargeMessages.sentAt,
      receivedAt: dischargeMessages.receivedAt,
      body: dischargeMessages.body,
    })
    .from(dischargeMessages)
    .where(eq(dischargeMessages.caseId, sql.placeholder('caseId'))),
);

/** What the intake hook does once the case is rebuilt (the first visits' proposal). */
export type AfterFold = (
  cmd: Command,
  caseRow: typeof dischargeCases.$inferSelect,
) => Promise<void>;

/**
 * Takes one region message: idempotent by its id (the same message again changes nothing
 * and answers the same; the same id with other content is 409), stored with when it
 * arrived, and the case rebuilt from all its messages in the order they were sent. The
 * stay's case is created by whichever message comes first. One audit row (the case is patient
 * data) and a `discharge.case_updated` event in the same transaction. Nothing is stored for a
 * message refused.
 */
export async function receiveMessage(
  deps: CommandDeps,
  client: IntegrationClient,
  requestId: string,
  message: DischargeMessage,
  afterFold?: AfterFold,
): Promise<{ receipt: Receipt; replayed: boolean }> {
  const body = normalise(message, deps.now());
  claimedPatient(message);
  const hash = contentHash(body);
  if (!client.municipalities.includes(message.municipality)) {
    throw new AppError(
      403,
      'forbidden',
      `Municipality ${message.municipality} is outside this client's scope`,
      [{ field: 'body.municipality', message: 'outside your scope' }],
    );
  }
  return runCommand(deps, SYSTEM, async (cmd) => {
    const patientId = await resolvePatient(cmd, client, requestId, message);
    // The stay's case, made by whichever message comes first, read and locked in one
    // statement (the upsert, changing nothing, takes the row lock): two messages of one stay
    // are folded one after the other.
    const [locked] = await cmd.tx
      .insert(dischargeCases)
      .values({
        municipalityCode: message.municipality,
        stayId: message.stayId,
        patientId,
        status: 'admitted',
      })
      .onConflictDoUpdate({
        target: [dischargeCases.municipalityCode, dischargeCases.stayId],
        set: { updatedAt: sql.raw('"discharge_cases"."updated_at"') },
      })
      .returning();
    if (locked.patientId !== patientId) {
      throw new AppError(409, 'conflict', 'This stay belongs to another patient', [
        {
          field: message.patientId ? 'body.patientId' : 'body.personalNumber',
          message: 'differs from the stay’s patient',
        },
      ]);
    }
    const [inserted] = await cmd.tx
      .insert(dischargeMessages)
      .values({
        messageId: message.messageId,
        caseId: locked.id,
        clientId: client.id,
        kind: message.kind,
        sentAt: new Date(body.sentAt as string),
        receivedAt: cmd.now,
        contentHash: hash,
        body,
      })
      .onConflictDoNothing()
      .returning({
        messageId: dischargeMessages.messageId,
        caseId: dischargeMessages.caseId,
        receivedAt: dischargeMessages.receivedAt,
      });
    if (!inserted) {
      // The same id again (or at the same moment on another connection): the first answer.
      // Checked here rather than before the transaction: one statement less for every new
      // message, a few more for a repeated one.
      const again = await replay(cmd.tx, message.messageId, hash);
      if (again) return { receipt: again, replayed: true };
      throw reused();
    }
    const fields = foldCase(await caseMessagesQuery(cmd.tx, { caseId: locked.id }));
    const [updated] = await cmd.tx
      .update(dischargeCases)
      .set({ ...fields, updatedAt: cmd.now })
      .where(eq(dischargeCases.id, locked.id))
      .returning();
    if (afterFold) await afterFold(cmd, updated);
    await cmd.tx.insert(auditLog).values({
      at: cmd.now,
      userId: `integration:${client.name}`,
      role: INTEGRATION_ROLE,
      patientId,
      municipalityCode: message.municipality,
      unit: client.municipalities.join(','),
      action: `discharge.message.${message.kind}`,
      requestId,
    });
    await cmd.emit(message.municipality, 'discharge.case_updated', {
      caseId: updated.id,
      status: updated.status,
    });
    return { receipt: receiptOf(inserted), replayed: false };
  });
}
