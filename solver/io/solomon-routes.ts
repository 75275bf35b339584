import type { ProblemInput } from '../model/problem-input.ts';
import type { Solution } from '../model/solution.ts';
import { earliestSchedule } from './earliest-schedule.ts';
import { numberedLines, numbersOf, ParseError } from './parse-error.ts';

/**
 * Route files of best-known Solomon / Homberger solutions: header lines, then
 * `Route 3 : 12 5 77` per vehicle (customer numbers, depot left out). Route i goes to
 * caregiver i−1 in file order; customer c is the visit with id String(c).
 */
export function parseSolomonRoutes(text: string, input: ProblemInput, source = 'routes'): Solution {
  const byId = new Map(input.visits.map((v, i) => [v.id, i]));
  const sequences: number[][] = [];
  for (const l of numberedLines(text)) {
    const joined = l.tokens.join(' ');
    const m = /^Route\s*\d+\s*:\s*(.*)$/i.exec(joined);
    if (!m) continue;
    if (sequences.length >= input.caregivers.length) {
      throw new ParseError(source, l.line, `expected at most ${input.caregivers.length} routes`);
    }
    const customers =
      m[1] === '' ? [] : numbersOf(source, { line: l.line, tokens: m[1].split(' ') });
    sequences.push(
      customers.map((c) => {
        const v = byId.get(String(c));
        if (v === undefined)
          throw new ParseError(source, l.line, `expected a customer number, got ${c}`);
        return v;
      }),
    );
  }
  if (sequences.length === 0) throw new ParseError(source, 1, "expected 'Route N : …' lines");
  return earliestSchedule(input, sequences);
}
