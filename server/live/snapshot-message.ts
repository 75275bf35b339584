import type { Snapshot } from './socket.ts';

// Keyed by the snapshot object: a shared snapshot (see SharedSnapshot) is serialized once for
// all the subscribers it goes to, not once each.
const encoded = new WeakMap<Snapshot, string>();

/** The `snapshot` message of a municipality's snapshot, as JSON. */
export function encodeSnapshot(municipality: string, snap: Snapshot): string {
  let text = encoded.get(snap);
  if (text === undefined) {
    text = JSON.stringify({ type: 'snapshot', municipality, seq: snap.seq, state: snap.state });
    encoded.set(snap, text);
  }
  return text;
}
