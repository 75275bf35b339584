import type { DeliverySummary } from '../../server/live/delivery-timing.ts';

/** The demo admin (seeded with the demo data the load tests run on). */
const ADMIN = { username: 'admin', password: 'demo-admin-all' };

/**
 * The server's own delivery timing (GET /api/live/stats), read after k6 has finished: how long
 * events took from their time to each socket, without k6 reading them. Null when the server
 * did not answer it (the run goes on; the report then says nothing of it).
 */
export async function fetchDelivery(baseUrl: string): Promise<DeliverySummary | null> {
  try {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (login.status !== 200) return null;
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${baseUrl}/api/live/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) return null;
    return ((await res.json()) as { delivery: DeliverySummary }).delivery;
  } catch {
    return null;
  }
}
