import { LRUCache } from 'lru-cache';

/**
 * In-memory token buckets for log-in attempts. Bounded: when full, the least recently used
 * key is dropped (an attacker flooding keys can only make limits more lenient for old keys,
 * never exhaust memory). Per process: with several processes the effective limit multiplies.
 */
export interface Bucket {
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

export class RateLimiter {
  private readonly buckets: LRUCache<string, { tokens: number; at: number }>;

  constructor(
    private readonly bucket: Bucket,
    private readonly now: () => Date,
    maxKeys = 10_000,
  ) {
    this.buckets = new LRUCache({ max: maxKeys });
  }

  /** Takes one token; returns 0 when allowed, else the seconds to wait for the next one. */
  take(key: string): number {
    const t = this.now().getTime();
    const prev = this.buckets.get(key);
    let tokens = this.bucket.capacity;
    if (prev) {
      const refill = ((t - prev.at) / 1000) * this.bucket.refillPerSecond;
      tokens = Math.min(this.bucket.capacity, prev.tokens + Math.max(0, refill));
    }
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: t });
      return 0;
    }
    this.buckets.set(key, { tokens, at: t });
    return Math.max(1, Math.ceil((1 - tokens) / this.bucket.refillPerSecond));
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** 5 attempts per username and address, then one every 12 s. */
export const PER_USER: Bucket = { capacity: 5, refillPerSecond: 1 / 12 };
/** A whole care unit may share one address at shift start. */
export const PER_ADDRESS: Bucket = { capacity: 100, refillPerSecond: 1 };

export interface LoginLimiter {
  /** Seconds to wait before trying again, 0 when the attempt may proceed. */
  check(username: string, address: string): number;
}

export function loginLimiter(now: () => Date): LoginLimiter {
  const users = new RateLimiter(PER_USER, now);
  const addresses = new RateLimiter(PER_ADDRESS, now);
  return {
    check(username, address) {
      const wait = addresses.take(address);
      if (wait) return wait;
      return users.take(`${username.toLowerCase()}\u0000${address}`);
    },
  };
}
