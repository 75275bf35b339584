import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../server/auth/principal.ts';
import { PrincipalCache } from '../../../server/auth/principal-cache.ts';

const principal = (userId: string): Principal => ({
  userId,
  username: `u-${userId}`,
  role: 'dispatcher',
  municipalities: ['0180'],
  teams: [],
  staffId: null,
});
const HOUR = 3_600_000;

describe('PrincipalCache', () => {
  it('answers from memory until its time to live, and never past the session', () => {
    const cache = new PrincipalCache({ ttlMs: 10_000 });
    cache.put('a', principal('1'), 50_000, 0, cache.generation);
    expect(cache.get('a', 9_999)?.userId).toBe('1');
    expect(cache.get('a', 10_000)).toBeUndefined();
    cache.put('b', principal('2'), 5_000, 0, cache.generation);
    expect(cache.get('b', 4_999)?.userId).toBe('2');
    expect(cache.get('b', 5_000)).toBeUndefined(); // the session ended first
    expect(cache.get('unknown', 0)).toBeUndefined();
  });

  it('does not trust an entry when the clock went back before it was read', () => {
    const cache = new PrincipalCache();
    cache.put('a', principal('1'), HOUR, 1_000, cache.generation);
    expect(cache.get('a', 999)).toBeUndefined();
  });

  it('keeps nothing read across an invalidation (a read under way saw the old rows)', () => {
    const cache = new PrincipalCache();
    const before = cache.generation;
    cache.invalidate(); // e.g. a log-out committed while the read was under way
    cache.put('a', principal('1'), HOUR, 0, before);
    expect(cache.get('a', 1)).toBeUndefined();
    cache.put('a', principal('1'), HOUR, 0, cache.generation);
    expect(cache.get('a', 1)?.userId).toBe('1');
  });

  it('invalidate forgets every entry', () => {
    const cache = new PrincipalCache();
    for (const id of ['1', '2', '3']) cache.put(id, principal(id), HOUR, 0, cache.generation);
    expect(cache.size).toBe(3);
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(cache.get('1', 1)).toBeUndefined();
  });

  it('keeps nothing while untrusted, and starts empty when trusted again', () => {
    const cache = new PrincipalCache({ trusted: false });
    cache.put('a', principal('1'), HOUR, 0, cache.generation);
    expect(cache.size).toBe(0);
    cache.setTrusted(true);
    cache.put('a', principal('1'), HOUR, 0, cache.generation);
    expect(cache.size).toBe(1);
    cache.setTrusted(false);
    expect(cache.size).toBe(0);
  });

  it('forgets the oldest token beyond its bound; a token read again is young again', () => {
    const cache = new PrincipalCache({ maxEntries: 2 });
    cache.put('a', principal('1'), HOUR, 0, cache.generation);
    cache.put('b', principal('2'), HOUR, 0, cache.generation);
    cache.put('a', principal('1'), HOUR, 1, cache.generation);
    cache.put('c', principal('3'), HOUR, 2, cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 3)).toBeUndefined();
    expect(cache.get('a', 3)?.userId).toBe('1');
    expect(cache.get('c', 3)?.userId).toBe('3');
  });

  it('hands out a frozen principal, shared by every request of the token', () => {
    const cache = new PrincipalCache();
    cache.put('a', principal('1'), HOUR, 0, cache.generation);
    const p = cache.get('a', 1)!;
    expect(() => (p.municipalities as string[]).push('0184')).toThrow(TypeError);
    expect(() => Object.assign(p, { role: 'admin' })).toThrow(TypeError);
  });
});
