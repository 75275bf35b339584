/**
 * Turns a raw frame into a message or a reason to refuse it; never throws. Shared by the
 * server (client frames) and the web app (server frames); no node imports.
 */
import type { z } from 'zod';
import {
  CLIENT_MESSAGE_TYPES,
  type ClientMessage,
  CloseCode,
  type LiveErrorCode,
  MAX_CLIENT_FRAME_BYTES,
  clientMessage,
  type ServerMessage,
  serverMessage,
} from './protocol.ts';

export type Parsed<T> =
  | { ok: true; message: T }
  /** Answer with an error message and keep the connection. */
  | { ok: false; error: { code: LiveErrorCode; message: string } }
  /** Close the connection with this code. */
  | { ok: false; close: { code: number; reason: string } };

const encoder = new TextEncoder();

/** `frame` is the text of a text frame, or null for a binary frame. */
export function parseClientMessage(
  frame: string | null,
  maxBytes = MAX_CLIENT_FRAME_BYTES,
): Parsed<ClientMessage> {
  if (frame === null)
    return fail('malformed_message', 'binary frames are not part of this protocol');
  // Short frames cannot be too big, whatever their characters: skip the encoding.
  const size = frame.length * 3 <= maxBytes ? frame.length : encoder.encode(frame).byteLength;
  if (size > maxBytes)
    return {
      ok: false,
      close: { code: CloseCode.messageTooBig, reason: `frame over ${maxBytes} bytes` },
    };
  return parseWith(frame, clientMessage, CLIENT_MESSAGE_TYPES);
}

export function parseServerMessage(frame: string): Parsed<ServerMessage> {
  return parseWith(
    frame,
    serverMessage,
    serverMessage.options.map((o) => o.shape.type.value),
  );
}

function parseWith<T>(frame: string, schema: z.ZodType<T>, types: readonly string[]): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return fail('malformed_message', 'the frame is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('malformed_message', 'a message is a JSON object with a "type"');
  const type = (json as { type?: unknown }).type;
  if (typeof type !== 'string' || !types.includes(type))
    return fail('unknown_type', `unknown message type ${JSON.stringify(type)?.slice(0, 40)}`);
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : type;
    return fail('invalid_message', `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return { ok: true, message: result.data };
}

function fail(code: LiveErrorCode, message: string): Parsed<never> {
  return { ok: false, error: { code, message } };
}
