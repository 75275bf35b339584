/**
 * Errors from the instance and solution readers. The message always names the source and
 * the 1-based line, so a broken benchmark file is fixed without a debugger.
 */
export class ParseError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly expected: string,
  ) {
    super(`${source} line ${line}: ${expected}`);
    this.name = 'ParseError';
  }
}

export interface NumberedLine {
  /** 1-based line number in the original text. */
  line: number;
  tokens: string[];
}

/** Non-blank lines split on whitespace, with their original line numbers. */
export function numberedLines(text: string): NumberedLine[] {
  const out: NumberedLine[] = [];
  const raw = text.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const tokens = raw[i].trim().split(/\s+/).filter(Boolean);
    if (tokens.length > 0) out.push({ line: i + 1, tokens });
  }
  return out;
}

/** Parse every token of a line as a finite number, or throw naming the line. */
export function numbersOf(source: string, l: NumberedLine, count?: number): number[] {
  if (count !== undefined && l.tokens.length !== count) {
    throw new ParseError(source, l.line, `expected ${count} numbers, got ${l.tokens.length}`);
  }
  return l.tokens.map((t) => {
    const v = Number(t);
    if (!Number.isFinite(v)) throw new ParseError(source, l.line, `expected a number, got '${t}'`);
    return v;
  });
}

export function isNumeric(token: string): boolean {
  return token !== '' && Number.isFinite(Number(token));
}
