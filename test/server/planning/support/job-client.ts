/**
 * The planning routes as a test calls them: a JSON request with a bearer token, a log-in of a
 * seeded demo user (password `pw-<name>-secret`), and a poll of a job until it reaches a state.
 */
import type { App } from '../../../../server/app.ts';
import type { JobView } from '../../../../server/planning/jobs/schemas.ts';
import { bearer } from '../../../support/auth.ts';

export function jobClient(app: () => App) {
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await app().request(path, {
      method,
      headers: {
        ...bearer(token),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const login = async (username: string) => {
    const res = await app().request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: `pw-${username}-secret` }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  /** Reads the job every 100 ms until `done` holds; throws with the last view after `ms`. */
  const until = async (token: string, id: string, done: (j: JobView) => boolean, ms: number) => {
    const end = Date.now() + ms;
    for (;;) {
      const { body } = await call('GET', `/api/planning/jobs/${id}`, token);
      if (done(body as JobView)) return body as JobView;
      if (Date.now() > end) throw new Error(`job ${id} stuck at ${JSON.stringify(body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { call, login, until };
}
