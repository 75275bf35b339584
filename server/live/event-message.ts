import type { LiveEvent } from './event-bus.ts';
import type { EventMessage } from './protocol.ts';

/** An event as it goes on the wire: the message (for the outbox to classify) and its JSON. */
export interface EncodedEvent {
  msg: EventMessage;
  text: string;
}

// Keyed by the event object: the fan-out hands the same object to every subscription of a
// municipality, so an event is serialized once, not once per subscriber.
const encoded = new WeakMap<LiveEvent, EncodedEvent>();

export function encodeEvent(event: LiveEvent): EncodedEvent {
  let e = encoded.get(event);
  if (!e) {
    const msg: EventMessage = {
      type: 'event',
      municipality: event.municipalityCode,
      seq: event.seq,
      eventType: event.type,
      payload: event.payload,
      at: event.at,
    };
    e = { msg, text: JSON.stringify(msg) };
    encoded.set(event, e);
  }
  return e;
}
