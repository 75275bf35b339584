import type { Snapshot, SnapshotProvider } from './socket.ts';

interface Read {
  promise: Promise<Snapshot | null>;
  /** When the read started, on the hub's clock. */
  startedAt: number;
  done: boolean;
  seq: number;
}

/**
 * One municipality's snapshot, read once for many subscribers (a console's day view is large:
 * reading and serializing it per subscriber made a thousand subscribers cost minutes). A read
 * in progress is shared with whoever subscribes meanwhile; a finished one for `shareMs`, as
 * long as it is as recent as the caller needs (no event has gone by since its seq). Sharing
 * cannot lose an event: a subscription knows the last seq emitted before it joined and reads
 * anything between that and the snapshot's seq from the events table (`Subscription.start`).
 */
export class SharedSnapshot {
  private last: Read | null = null;

  constructor(
    private readonly code: string,
    private readonly read: SnapshotProvider,
    private readonly now: () => number,
    private readonly shareMs: number,
  ) {}

  /**
   * `atLeast`: the seq the snapshot should reflect (the last one delivered, or known to be
   * committed). A read in progress may turn out older; a fresh read never is.
   */
  get(atLeast: number): Promise<Snapshot | null> {
    const r = this.last;
    const fresh = r && r.seq >= atLeast && this.now() - r.startedAt <= this.shareMs;
    if (r && (!r.done || fresh)) return r.promise;
    const read: Read = {
      promise: this.read(this.code),
      startedAt: this.now(),
      done: false,
      seq: 0,
    };
    this.last = read;
    read.promise.then(
      (snap) => {
        read.done = true;
        if (snap) read.seq = snap.seq;
        else if (this.last === read) this.last = null; // no such municipality: ask again next time
      },
      () => {
        if (this.last === read) this.last = null; // the subscriber sees the error; the next one retries
      },
    );
    return read.promise;
  }
}
