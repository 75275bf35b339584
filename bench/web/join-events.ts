/**
 * Joins the changes sent (the driver's) with the events the page saw (the probe's) by visit
 * and version, and summarises the delays: send → arrival on the page's socket, arrival →
 * the row showing the new status in the DOM, arrival → the frame after (painted), and send
 * → painted (the whole path a dispatcher waits for).
 */
import type { ProbeEvent } from './console-page.ts';
import type { Sent } from './event-driver.ts';
import { type Summary, summarize } from './stats.ts';

export interface Joined {
  /** Events of the sent changes that reached the page's socket. */
  arrived: number;
  /** Of those, shown in the DOM (and painted). */
  shown: number;
  /** Arrived but not shown within 10 s. */
  missed: number;
  /** Overtaken by a newer event of the same visit before being shown. */
  superseded: number;
  /** Sent, answered, but never seen arriving. */
  neverArrived: number;
  ms: {
    sendToArrival: Summary | null;
    arrivalToDom: Summary | null;
    arrivalToPainted: Summary | null;
    sendToPainted: Summary | null;
  };
  /** p95 of arrival → painted for each minute of the run (the memory run's drift). */
  perMinuteP95: { minute: number; n: number; p95: number }[];
}

export function joinEvents(sent: Sent[], events: ProbeEvent[], startedAt: number): Joined {
  const seen = new Map(events.map((e) => [`${e.id}@${e.version}`, e]));
  const sendToArrival: number[] = [];
  const arrivalToDom: number[] = [];
  const arrivalToPainted: number[] = [];
  const sendToPainted: number[] = [];
  const byMinute = new Map<number, number[]>();
  let arrived = 0;
  let shown = 0;
  let missed = 0;
  let superseded = 0;
  let neverArrived = 0;
  for (const s of sent) {
    // A cancelled call leaves the queue: nothing to see.
    if (s.kind === 'cancel') continue;
    const e = seen.get(`${s.id}@${s.version}`);
    if (!e) {
      neverArrived++;
      continue;
    }
    arrived++;
    sendToArrival.push(e.arrivedAt - s.sentAt);
    if (e.missed) missed++;
    else if (e.superseded) superseded++;
    else if (e.domAt !== undefined && e.paintedAt) {
      shown++;
      arrivalToDom.push(e.domAt - e.arrivedAt);
      arrivalToPainted.push(e.paintedAt - e.arrivedAt);
      sendToPainted.push(e.paintedAt - s.sentAt);
      const minute = Math.floor((s.sentAt - startedAt) / 60_000);
      if (!byMinute.has(minute)) byMinute.set(minute, []);
      byMinute.get(minute)!.push(e.paintedAt - e.arrivedAt);
    }
  }
  return {
    arrived,
    shown,
    missed,
    superseded,
    neverArrived,
    ms: {
      sendToArrival: summarize(sendToArrival),
      arrivalToDom: summarize(arrivalToDom),
      arrivalToPainted: summarize(arrivalToPainted),
      sendToPainted: summarize(sendToPainted),
    },
    perMinuteP95: [...byMinute]
      .sort((a, b) => a[0] - b[0])
      .map(([minute, v]) => ({ minute, n: v.length, p95: summarize(v)!.p95 })),
  };
}
