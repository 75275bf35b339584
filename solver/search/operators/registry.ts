import type { ProblemData } from '../../problem/problem-data.ts';
import { Exchange } from './exchange.ts';
import type { NodeOperator, OperatorContext } from './operator.ts';
import { TwoOptStar } from './two-opt-star.ts';

/** Every node operator the local search uses, in the order it tries them. */
export const OPERATORS: {
  name: string;
  supports: (d: ProblemData) => boolean;
  make: (ctx: OperatorContext) => NodeOperator;
}[] = [
  {
    name: 'relocate1',
    supports: Exchange.supports,
    make: (c) => new Exchange(c, 1, 0),
  },
  {
    name: 'relocate2',
    supports: Exchange.supports,
    make: (c) => new Exchange(c, 2, 0),
  },
  {
    name: 'relocate3',
    supports: Exchange.supports,
    make: (c) => new Exchange(c, 3, 0),
  },
  {
    name: 'swap11',
    supports: Exchange.supports,
    make: (c) => new Exchange(c, 1, 1),
  },
  {
    name: 'swap21',
    supports: Exchange.supports,
    make: (c) => new Exchange(c, 2, 1),
  },
  {
    name: 'swap22',
    supports: Exchange.supports,
    make: (c) => new Exchange(c, 2, 2),
  },
  {
    name: 'two-opt-star',
    supports: TwoOptStar.supports,
    make: (c) => new TwoOptStar(c),
  },
];

export function makeOperators(ctx: OperatorContext): NodeOperator[] {
  return OPERATORS.filter((o) => o.supports(ctx.d)).map((o) => o.make(ctx));
}
