import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeBehaviour = 'ok' | 'code' | 'http500' | 'not-json' | 'wrong-shape' | 'slow';

/** Road seconds the fake router gives between two points: 10,000 s per degree, Manhattan. */
export const fakeRoadSeconds = (a: number[], b: number[]) =>
  Math.round((Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1])) * 10_000);

export interface FakeOsrm {
  url: string;
  behaviour: FakeBehaviour;
  /** Pairs with no route (null), as "lon,lat>lon,lat" of the request's coordinates. */
  noRoute: Set<string>;
  requests: { profile: string; sources: number; destinations: number }[];
  close(): Promise<void>;
}

/**
 * A small HTTP server speaking OSRM's table service: GET /table/v1/{profile}/{lon,lat;…}
 * with sources= and destinations=, answering durations and distances (10 m per second),
 * or the failure `behaviour` asks for.
 */
export async function startFakeOsrm(): Promise<FakeOsrm> {
  const fake: FakeOsrm = {
    url: '',
    behaviour: 'ok',
    noRoute: new Set(),
    requests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/table\/v1\/([^/]+)\/(.+)$/.exec(url.pathname);
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
    if (!m) return send(400, JSON.stringify({ code: 'InvalidUrl', message: 'bad path' }));
    const coords = decodeURIComponent(m[2])
      .split(';')
      .map((c) => c.split(',').map(Number));
    const pick = (name: string) =>
      url.searchParams.get(name)?.split(';').map(Number) ?? coords.map((_, i) => i);
    const sources = pick('sources');
    const destinations = pick('destinations');
    fake.requests.push({
      profile: m[1],
      sources: sources.length,
      destinations: destinations.length,
    });
    switch (fake.behaviour) {
      case 'code':
        return send(400, JSON.stringify({ code: 'TooBig', message: 'Too many table coordinates' }));
      case 'http500':
        return send(500, 'Internal Server Error');
      case 'not-json':
        return send(200, '<html>proxy error</html>');
      case 'wrong-shape':
        return send(200, JSON.stringify({ code: 'Ok', durations: [[0]] }));
      case 'slow':
        setTimeout(() => send(200, JSON.stringify({ code: 'Ok', durations: [] })), 5000);
        return;
    }
    const cell = (i: number, j: number, scale: number) =>
      fake.noRoute.size > 0 && fake.noRoute.has(`${coords[i].join()}>${coords[j].join()}`)
        ? null
        : fakeRoadSeconds(coords[i], coords[j]) * scale;
    send(
      200,
      JSON.stringify({
        code: 'Ok',
        durations: sources.map((i) => destinations.map((j) => cell(i, j, 1))),
        distances: sources.map((i) => destinations.map((j) => cell(i, j, 10))),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
