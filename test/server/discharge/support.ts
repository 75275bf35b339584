import type { App } from '../../../server/app.ts';
import { API_KEY_HEADER } from '../../../server/discharge/client-auth.ts';

/** A discharge message with the fields every kind carries; the test adds the kind's own. */
export const message = (
  id: string,
  kind: string,
  sentAt: string,
  extra: Record<string, unknown> = {},
  base: Record<string, unknown> = {},
) => ({
  messageId: id,
  kind,
  sentAt,
  municipality: '0180',
  stayId: 'KS-4711',
  patientId: '10000000-0000-4000-8000-000000000005',
  ...base,
  ...extra,
});

/** Posts a message as the integration with this key (or with the given headers). */
export async function post(app: App, key: string | null, body: unknown, headers = {}) {
  const res = await app.request('/api/discharge/messages', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { [API_KEY_HEADER]: key } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

/**
 * A synthetic personal number in the style of Skatteverket's test numbers, on Tolvan
 * Tolvansson's birth date (1912-12-12, the well-known test person): '19121212' + a 3-digit
 * serial + its Luhn check digit. Never a real person's: no one born then is a patient here.
 */
export function testPersonalNumber(serial: string): string {
  const nine = `121212${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return `19${nine}${(10 - (sum % 10)) % 10}`;
}
