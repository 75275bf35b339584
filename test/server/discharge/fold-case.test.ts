import { describe, expect, it } from 'vitest';
import { type FoldMessage, foldCase } from '../../../server/discharge/fold-case.ts';

const msg = (id: string, kind: FoldMessage['kind'], sent: string, body = {}): FoldMessage => ({
  messageId: id,
  kind,
  sentAt: new Date(sent),
  receivedAt: new Date('2026-11-23T12:00:00Z'),
  body,
});

describe('a case folded from its messages', () => {
  it('applies messages in the order sent, whatever the order given', () => {
    const a = msg('1', 'admission', '2026-11-20T08:00:00Z', { ward: 'A', needs: ['medication'] });
    const u = msg('2', 'update', '2026-11-21T08:00:00Z', { ward: 'B' });
    expect(foldCase([u, a])).toMatchObject({
      ward: 'B',
      needs: ['medication'],
      status: 'admitted',
    });
  });

  it('a cancellation closes the case; a later ready-for-discharge reopens it', () => {
    const c = msg('1', 'cancelled', '2026-11-21T08:00:00Z');
    const r = msg('2', 'ready_for_discharge', '2026-11-22T08:00:00Z', {
      readyAt: '2026-11-22T08:00:00.000Z',
    });
    expect(foldCase([c]).status).toBe('cancelled');
    expect(foldCase([r, c])).toMatchObject({ status: 'ready', cancelledAt: null });
    const lateCancel = msg('3', 'cancelled', '2026-11-23T08:00:00Z');
    expect(foldCase([r, c, lateCancel]).status).toBe('cancelled');
  });

  it('discharged wins, and keeps its time', () => {
    const d = msg('1', 'discharged', '2026-11-24T08:00:00Z', {
      dischargedAt: '2026-11-24T07:30:00.000Z',
    });
    expect(foldCase([d])).toMatchObject({
      status: 'discharged',
      dischargedAt: new Date('2026-11-24T07:30:00Z'),
    });
  });
});
