import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../server/auth/password.ts';
import { RateLimiter } from '../../../server/auth/rate-limit.ts';
import { authSettings, issueToken, tokenSignatureValid } from '../../../server/auth/secrets.ts';
import { TEST_COST } from '../../support/auth.ts';

describe('password hashing', () => {
  it('salts every hash and verifies only the right password', async () => {
    const a = await hashPassword('rätt lösenord', TEST_COST);
    const b = await hashPassword('rätt lösenord', TEST_COST);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('rätt lösenord', a)).toBe(true);
    expect(await verifyPassword('fel lösenord', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('refuses malformed or absurdly expensive stored hashes without throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$1$2$3',
      'scrypt$4194304$8$1$c2FsdA$aGFzaA',
      'md5$x$y$z$a$b',
    ])
      expect(await verifyPassword('x', stored)).toBe(false);
  });
});

describe('tokens', () => {
  const s1 = authSettings('first-secret-0123456789-0123456789-abcd');
  it('are signed with the current secret and checked against every accepted one', () => {
    const token = issueToken(s1);
    expect(tokenSignatureValid(s1, token)).toBe(true);
    const rotated = authSettings('second-secret-0123456789-0123456789-abc', [
      'first-secret-0123456789-0123456789-abcd',
    ]);
    expect(tokenSignatureValid(rotated, token)).toBe(true);
    expect(
      tokenSignatureValid(authSettings('second-secret-0123456789-0123456789-abc'), token),
    ).toBe(false);
    expect(issueToken(rotated).split('.')[0]).toBe(rotated.keys[0].kid);
  });
});

describe('the log-in rate limiter', () => {
  it('refills over time and tells how long to wait', () => {
    let t = 0;
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 0.5 }, () => new Date(t));
    expect([limiter.take('k'), limiter.take('k'), limiter.take('k')]).toEqual([0, 0, 2]);
    t = 2000;
    expect(limiter.take('k')).toBe(0);
    expect(limiter.take('other')).toBe(0);
  });

  it('stays bounded under a flood of keys', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1 }, () => new Date(0), 100);
    for (let i = 0; i < 10_000; i++) limiter.take(`key-${i}`);
    expect(limiter.size).toBe(100);
  });
});
