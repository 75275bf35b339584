/**
 * Insertion candidates (caregiver, position, lower bound, extra) in flat growable arrays,
 * handed out cheapest bound first: the first few by linear scans (usually all that is
 * needed before the bound passes the best exact price), then the rest sorted once.
 */
export class CandidateList {
  n = 0;
  k = new Int32Array(256);
  pos = new Int32Array(256);
  bound = new Float64Array(256);
  extra = new Float64Array(256);
  private taken = new Uint8Array(256);
  private takes = 0;
  private order: number[] = [];

  clear(): void {
    this.n = 0;
    this.takes = 0;
  }

  push(k: number, pos: number, bound: number, extra = 0): void {
    if (this.n === this.k.length) this.grow();
    this.k[this.n] = k;
    this.pos[this.n] = pos;
    this.bound[this.n] = bound;
    this.extra[this.n] = extra;
    this.taken[this.n] = 0;
    this.n++;
  }

  /** Index of the smallest bound not yet taken (ties: first pushed), or −1. */
  takeMin(): number {
    if (++this.takes > 24) {
      if (this.takes === 25) {
        this.order = [];
        for (let i = 0; i < this.n; i++) if (!this.taken[i]) this.order.push(i);
        this.order.sort((a, b) => this.bound[b] - this.bound[a] || b - a);
      }
      return this.order.pop() ?? -1;
    }
    let best = -1;
    let b = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.n; i++) {
      if (!this.taken[i] && this.bound[i] < b) {
        b = this.bound[i];
        best = i;
      }
    }
    if (best >= 0) this.taken[best] = 1;
    return best;
  }

  private grow(): void {
    const m = this.k.length * 2;
    const k = new Int32Array(m);
    k.set(this.k);
    this.k = k;
    const pos = new Int32Array(m);
    pos.set(this.pos);
    this.pos = pos;
    const bound = new Float64Array(m);
    bound.set(this.bound);
    this.bound = bound;
    const extra = new Float64Array(m);
    extra.set(this.extra);
    this.extra = extra;
    const taken = new Uint8Array(m);
    taken.set(this.taken);
    this.taken = taken;
  }
}
