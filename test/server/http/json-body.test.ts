import { connect } from 'node:net';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../server/app-env.ts';
import { type RunningServer, listen } from '../../../server/http/http-server.ts';
import { handleError } from '../../../server/http/error-handler.ts';
import { limitBody, requireJson } from '../../../server/http/json-body.ts';

/** Over real HTTP: the size check reads the request's own headers there. */
describe('limitBody and requireJson on a Node server', () => {
  let running: RunningServer;
  let base: string;
  beforeAll(async () => {
    const app = new Hono<AppEnv>();
    app.onError(handleError);
    app.use('*', limitBody(100), requireJson());
    // As the routes read it: through Hono's validator (malformed JSON is its 400).
    app.post(
      '/echo',
      validator('json', (v) => v),
      (c) => c.json({ got: c.req.valid('json') }),
    );
    app.get('/echo', (c) => c.json({ got: null }));
    running = await listen(app as never, 0, '127.0.0.1');
    base = `http://127.0.0.1:${running.port}`;
  });
  afterAll(async () => running.close(1000));

  const post = (body: BodyInit, init: RequestInit = {}) =>
    fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      ...init,
    });
  /** A body sent in chunks, without Content-Length. */
  const chunked = (text: string) =>
    post(
      new ReadableStream({
        start(c) {
          for (let i = 0; i < text.length; i += 10)
            c.enqueue(new TextEncoder().encode(text.slice(i, i + 10)));
          c.close();
        },
      }),
      { duplex: 'half' } as RequestInit,
    );

  it('passes a small body and a request without one', async () => {
    const res = await post(JSON.stringify({ a: 1 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { a: 1 } });
    expect((await fetch(`${base}/echo`)).status).toBe(200);
  });

  it('refuses a body over the limit by its length, before reading it', async () => {
    const res = await post(JSON.stringify({ a: 'x'.repeat(200) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('measures a chunked body as it comes', async () => {
    const small = await chunked(JSON.stringify({ a: 'x'.repeat(20) }));
    expect(small.status).toBe(200);
    expect(await small.json()).toEqual({ got: { a: 'x'.repeat(20) } });
    const big = await chunked(JSON.stringify({ a: 'x'.repeat(200) }));
    expect(big.status).toBe(413);
  });

  it('answers malformed JSON and another content type with their own errors', async () => {
    const bad = await post('{"a":');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('malformed_json');
    const text = await post('hello', { headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
  });

  it('answers headers over the limit with 431 in the JSON error shape', async () => {
    // Over a raw socket: fetch gives up when the server answers before reading the request.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(running.port, '127.0.0.1', () =>
        socket.write(`GET /echo HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body).error.code).toBe('headers_too_large');
  });
});
