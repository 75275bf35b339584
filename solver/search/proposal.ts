/**
 * A candidate route for caregiver `k`, described as pieces without building it: slices of
 * existing routes (1-based positions, inclusive) and single visits. Operators fill one or
 * two proposals; the evaluator prices them; nothing is mutated until a move is applied.
 */
export class Proposal {
  k = 0;
  n = 0;
  /** Route of a slice, or −1 for a single visit held in `from`. */
  route = new Int32Array(8);
  from = new Int32Array(8);
  to = new Int32Array(8);

  reset(k: number): this {
    this.k = k;
    this.n = 0;
    return this;
  }

  slice(route: number, from: number, to: number): this {
    if (from > to) return this;
    this.push(route, from, to);
    return this;
  }

  visit(v: number): this {
    this.push(-1, v, v);
    return this;
  }

  private push(r: number, a: number, b: number): void {
    if (this.n === this.route.length) {
      const grow = (x: Int32Array) => {
        const y = new Int32Array(x.length * 2);
        y.set(x);
        return y;
      };
      this.route = grow(this.route);
      this.from = grow(this.from);
      this.to = grow(this.to);
    }
    this.route[this.n] = r;
    this.from[this.n] = a;
    this.to[this.n] = b;
    this.n++;
  }
}
