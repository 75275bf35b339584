import {
  isNumeric,
  type NumberedLine,
  numberedLines,
  numbersOf,
  ParseError,
} from './parse-error.ts';

/** A keyword line and the numeric rows under it (Mankowska's `nbNodes`, `r`, `d`, …). */
export interface Section {
  keyword: string;
  line: number;
  rows: NumberedLine[];
}

/** Splits text into sections: a line whose first token is not a number starts a new one. */
export function readSections(source: string, text: string): Map<string, Section> {
  const sections = new Map<string, Section>();
  let current: Section | undefined;
  for (const l of numberedLines(text)) {
    if (!isNumeric(l.tokens[0])) {
      if (l.tokens.length > 1) {
        throw new ParseError(
          source,
          l.line,
          `expected a keyword alone, got '${l.tokens.join(' ')}'`,
        );
      }
      current = { keyword: l.tokens[0], line: l.line, rows: [] };
      sections.set(current.keyword, current);
    } else if (!current) {
      throw new ParseError(source, l.line, 'expected a keyword before the first numbers');
    } else {
      current.rows.push(l);
    }
  }
  return sections;
}

export class SectionReader {
  constructor(
    readonly source: string,
    readonly sections: Map<string, Section>,
    private readonly lastLine: number,
  ) {}

  get(keyword: string): Section {
    const s = this.sections.get(keyword);
    if (!s) throw new ParseError(this.source, this.lastLine, `expected a section '${keyword}'`);
    return s;
  }

  /** `count` numbers in any row layout (vectors are one line in some files, one per line in others). */
  vector(keyword: string, count?: number): number[] {
    const s = this.get(keyword);
    const values = s.rows.flatMap((r) => numbersOf(this.source, r));
    if (count !== undefined && values.length !== count) {
      throw new ParseError(
        this.source,
        s.line,
        `expected ${count} numbers after '${keyword}', got ${values.length}`,
      );
    }
    return values;
  }

  integer(keyword: string): number {
    const [v] = this.vector(keyword, 1);
    if (!Number.isInteger(v) || v < 0) {
      throw new ParseError(
        this.source,
        this.get(keyword).line + 1,
        `expected a whole number, got ${v}`,
      );
    }
    return v;
  }

  /** Exactly `rows` lines of `cols` numbers each. */
  matrix(keyword: string, rows: number, cols: number): { values: number[][]; lines: number[] } {
    const s = this.get(keyword);
    if (s.rows.length !== rows) {
      const at = s.rows.at(-1)?.line ?? s.line;
      throw new ParseError(
        this.source,
        at,
        `expected ${rows} rows under '${keyword}', got ${s.rows.length}`,
      );
    }
    return {
      values: s.rows.map((r) => numbersOf(this.source, r, cols)),
      lines: s.rows.map((r) => r.line),
    };
  }
}

export function sectionReader(source: string, text: string): SectionReader {
  const lastLine = text.split(/\r?\n/).length;
  return new SectionReader(source, readSections(source, text), lastLine);
}
