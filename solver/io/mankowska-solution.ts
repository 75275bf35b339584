import type { ProblemInput } from '../model/problem-input.ts';
import type { Solution } from '../model/solution.ts';
import { earliestSchedule } from './earliest-schedule.ts';
import { mankowskaVisitId } from './mankowska.ts';
import { numberedLines, numbersOf, ParseError } from './parse-error.ts';

/**
 * BRKGA solution files for Mankowska instances (afkummer/gecco2020-brkga): `#` comments,
 * then per caregiver a header `<vehicle> <arcs>` and that many `<from> <to> <vehicle>
 * <service>` lines in route order. The service (0-based) belongs to the arc's `to` node;
 * node 0 stands for both depot ends. Start times are the earliest feasible ones.
 */
export function parseMankowskaSolution(
  text: string,
  input: ProblemInput,
  source = 'solution',
): Solution {
  const byId = new Map(input.visits.map((v, i) => [v.id, i]));
  const depotEnd = input.locations - 1;
  const lines = numberedLines(text).filter((l) => !l.tokens[0].startsWith('#'));
  const sequences: number[][] = input.caregivers.map(() => []);
  let i = 0;
  while (i < lines.length) {
    const [vehicle, arcs] = numbersOf(source, lines[i], 2);
    if (!(vehicle >= 0 && vehicle < sequences.length)) {
      throw new ParseError(
        source,
        lines[i].line,
        `expected a vehicle in 0..${sequences.length - 1}, got ${vehicle}`,
      );
    }
    let at = 0;
    for (let a = 1; a <= arcs; a++) {
      const l = lines[i + a];
      if (!l)
        throw new ParseError(
          source,
          lines[i].line,
          `expected ${arcs} arcs for vehicle ${vehicle}, got ${a - 1}`,
        );
      const [from, to, v, service] = numbersOf(source, l, 4);
      if (from !== at)
        throw new ParseError(source, l.line, `expected an arc from node ${at}, got ${from}`);
      if (v !== vehicle)
        throw new ParseError(source, l.line, `expected vehicle ${vehicle}, got ${v}`);
      at = to;
      if (to === 0 || to === depotEnd) continue;
      const visit = byId.get(mankowskaVisitId(to, service));
      if (visit === undefined) {
        throw new ParseError(
          source,
          l.line,
          `expected a service node ${to} needs, got service ${service}`,
        );
      }
      sequences[vehicle].push(visit);
    }
    i += arcs + 1;
  }
  return earliestSchedule(input, sequences);
}
