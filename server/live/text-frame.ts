/**
 * A server-to-client WebSocket text frame (RFC 6455 §5.2: FIN, opcode 1, unmasked), header
 * and UTF-8 payload in one buffer, so it goes out in one write.
 */
export function textFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81;
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(text, header, 'utf8');
  return frame;
}

/**
 * `textFrame` remembering its last text: a fan-out sends one string to every subscriber in
 * a row, so it is encoded and framed once per event, not once per socket.
 */
export function lastTextFramer(): (text: string) => Buffer {
  let lastText: string | null = null;
  let lastFrame: Buffer = Buffer.alloc(0);
  return (text) => {
    if (text !== lastText) {
      lastFrame = textFrame(text);
      lastText = text;
    }
    return lastFrame;
  };
}
