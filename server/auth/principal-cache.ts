import { LRUCache } from 'lru-cache';
import type { Principal } from './principal.ts';

export interface PrincipalCacheOptions {
  /**
   * How long a principal is reused without asking the database again. A backstop only: a
   * change to sessions or users empties every process's cache (see `notifyPrincipalsChanged`).
   */
  ttlMs?: number;
  /** Beyond this many tokens the least recently used are forgotten. */
  maxEntries?: number;
}

interface Entry {
  principal: Principal;
  /** The session's own end, ms. */
  expiresAt: number;
  /** Read from the database then, ms. */
  readAt: number;
}

/** The cache's defaults: entries live 10 s at most, 10,000 tokens. */
export const PRINCIPAL_CACHE_DEFAULTS = { ttlMs: 10_000, maxEntries: 10_000 } as const;

/**
 * The principals of recently seen tokens, by token hash, so a request does not cost a
 * database round trip to authenticate. Every request asked the database before; that was
 * about a tenth of the request thread's time and a quarter of PostgreSQL's in the k6 mix.
 *
 * Correctness rests on `invalidate()`: called after any change that could end or narrow a
 * principal (log-out, and whatever later disables a user or changes their scope), in this
 * process at once and in the others by NOTIFY. A read that was under way when `invalidate()`
 * ran may have seen the old rows, so `put` takes the generation from before the read and
 * keeps nothing read across an invalidation.
 */
export class PrincipalCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly ttlMs: number;
  private gen = 0;
  private readonly listeners = new Set<() => void>();
  /** False while changes made elsewhere may go unheard (no LISTEN yet, or it was lost). */
  private trusted: boolean;

  constructor(options: PrincipalCacheOptions & { trusted?: boolean } = {}) {
    this.ttlMs = options.ttlMs ?? PRINCIPAL_CACHE_DEFAULTS.ttlMs;
    // Validity is checked here against the caller's clock; lru-cache only bounds the size.
    this.entries = new LRUCache({
      max: options.maxEntries ?? PRINCIPAL_CACHE_DEFAULTS.maxEntries,
    });
    this.trusted = options.trusted ?? true;
  }

  /** Take before reading the database; hand back to `put`. */
  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached principal of a token hash, if still valid at `now` (ms). */
  get(hash: string, now: number): Principal | undefined {
    return this.lookup(hash, now)?.principal;
  }

  /** The cached principal and its session's end (ms), if still valid at `now` (ms). */
  lookup(hash: string, now: number): { principal: Principal; expiresAt: number } | undefined {
    const e = this.entries.get(hash);
    if (!e) return undefined;
    if (now < e.expiresAt && now - e.readAt < this.ttlMs && now >= e.readAt)
      return { principal: e.principal, expiresAt: e.expiresAt };
    this.entries.delete(hash);
    return undefined;
  }

  /** Keeps a principal read at `now`, unless the cache was invalidated since `generation`. */
  put(hash: string, principal: Principal, expiresAt: number, now: number, generation: number) {
    if (!this.trusted || generation !== this.gen) return;
    // Shared by every request of this token from now on: frozen, so none can change it.
    Object.freeze(principal.municipalities);
    Object.freeze(principal.teams);
    this.entries.set(hash, { principal: Object.freeze(principal), expiresAt, readAt: now });
  }

  /** Forgets everything, and whatever reads are under way; then tells the listeners. */
  invalidate(): void {
    this.gen++;
    this.entries.clear();
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Called after every invalidation, in this process for its own changes and for those of
   * other processes (NOTIFY): the live hub re-checks its sockets' tokens then. Returns the
   * unsubscribe.
   */
  onInvalidate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether changes made through other processes reach this cache; false empties it. */
  setTrusted(trusted: boolean): void {
    this.invalidate();
    this.trusted = trusted;
  }
}
