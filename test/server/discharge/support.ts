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
