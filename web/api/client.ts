/**
 * The one way the page talks to the REST API: openapi-fetch typed by web/api/schema.d.ts
 * (generated from the server's OpenAPI document). Every request carries the session's
 * token; a 401 ends the session, which sends the user back to the log-in page.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { endSession, session } from '../session/session.ts';
import type { components, paths } from './schema.d.ts';

export type Schemas = components['schemas'];

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.value?.token;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    // A failed log-in is the form's to show; any other 401 means the session is over.
    if (response.status === 401 && !request.url.endsWith('/api/auth/login')) endSession('expired');
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(auth);
