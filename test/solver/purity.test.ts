import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../solver');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

// The solver is pure: reproducible for a seed and a budget, testable without I/O (STYLE.md).
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'imports a node: module'],
  [
    /from ['"](zod|drizzle-orm|hono|postgres|@electric-sql)/,
    'imports a server or database package',
  ],
  [/from ['"](\.\.\/)+(server|db|web)\//, 'imports server, db or web code'],
  [/Math\.random\(/, 'calls Math.random (take the seeded RNG)'],
  [/Date\.now\(|new Date\(|performance\.now\(/, 'reads the clock (take the clock passed in)'],
];

describe('solver purity', () => {
  it('has no I/O, no clock and no unseeded randomness in solver/', () => {
    const offences: string[] = [];
    for (const file of sources(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const [pattern, what] of FORBIDDEN) {
        if (pattern.test(text)) offences.push(`${relative(ROOT, file)} ${what}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
