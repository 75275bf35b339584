import { describe, expect, it } from 'vitest';
import { lastTextFramer, textFrame } from '../../../server/live/text-frame.ts';

/** Reads an unmasked server frame back: FIN/opcode byte, payload length and text. */
function read(frame: Buffer) {
  const short = frame[1] & 0x7f;
  const [length, offset] =
    short === 126
      ? [frame.readUInt16BE(2), 4]
      : short === 127
        ? [Number(frame.readBigUInt64BE(2)), 10]
        : [short, 2];
  return {
    first: frame[0],
    masked: (frame[1] & 0x80) !== 0,
    length,
    text: frame.toString('utf8', offset),
  };
}

describe('textFrame', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536])(
    'frames %i bytes as one final, unmasked text frame',
    (n) => {
      const text = 'x'.repeat(n);
      const frame = textFrame(text);
      expect(read(frame)).toEqual({ first: 0x81, masked: false, length: n, text });
      expect(frame.length).toBe((n < 126 ? 2 : n < 65_536 ? 4 : 10) + n);
    },
  );

  it('counts the length in UTF-8 bytes, not characters', () => {
    const text = JSON.stringify({ note: 'Åsa på Södermalm' });
    expect(read(textFrame(text))).toMatchObject({
      length: Buffer.byteLength(text),
      text,
    });
  });
});

describe('lastTextFramer', () => {
  it('frames a text sent to many sockets once, and each new text afresh', () => {
    const frame = lastTextFramer();
    const a = frame('{"seq":1}');
    expect(frame('{"seq":1}')).toBe(a);
    const b = frame('{"seq":2}');
    expect(b).not.toBe(a);
    expect(read(b).text).toBe('{"seq":2}');
    expect(read(frame('{"seq":1}')).text).toBe('{"seq":1}');
  });
});
