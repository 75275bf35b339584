import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_DAYS, DEFAULT_PLAN_MS, parseSeedArgs } from '../../../db/seed/args.ts';
import { DEFAULT_SCALE } from '../../../db/seed/seed.ts';
import { databaseTargetFromEnv } from '../../../db/target.ts';

const NOW = DateTime.fromISO('2026-11-22T23:30:00Z'); // already the 23rd in Stockholm

describe('parseSeedArgs', () => {
  it('has defaults: seed 1, the default scale, today in Stockholm, all municipalities', () => {
    const a = parseSeedArgs([], NOW);
    expect(a.options).toEqual({ seed: 1, scale: DEFAULT_SCALE, today: '2026-11-23' });
    expect(a.reset).toBe(false);
  });

  it('reads every flag, in both --flag value and --flag=value form', () => {
    const a = parseSeedArgs(
      [
        '--seed',
        '9',
        '--scale=0.5',
        '--today',
        '2027-03-27',
        '--municipality',
        '0180',
        '0184',
        '--municipality=0188,0180',
        '--reset',
      ],
      NOW,
    );
    expect(a.options).toEqual({
      seed: 9,
      scale: 0.5,
      today: '2027-03-27',
      municipalities: ['0180', '0184', '0188'],
    });
    expect(a.reset).toBe(true);
  });

  it.each([
    [['--bogus'], /unknown argument/],
    [['--seed'], /needs a value/],
    [['--seed', '1.5'], /integer/],
    [['--scale', 'abc'], /scale/],
    [['--scale', '0'], /scale/],
    [['--today', '2026-02-30'], /today/],
    [['--today', '23/11/2026'], /today/],
    [['--municipality'], /needs a value/],
    [['--municipality', '9999'], /unknown municipality/],
    [['--seed', '--reset'], /--seed needs a value/],
    [['--municipality', '0180', '--reset', '0184'], /unknown argument '0184'/],
    [['--reset=yes'], /--reset takes no value/],
    [['-x'], /unknown argument '-x'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSeedArgs(argv, NOW)).toThrow(message);
  });
});

describe('parseSeedArgs --history-days', () => {
  it('generates 28 past days by default, any number from 0 to 90 when asked', () => {
    expect(parseSeedArgs([], NOW).historyDays).toBe(DEFAULT_HISTORY_DAYS);
    expect(DEFAULT_HISTORY_DAYS).toBe(28);
    expect(parseSeedArgs(['--history-days', '0'], NOW).historyDays).toBe(0);
    expect(parseSeedArgs(['--history-days=90'], NOW).historyDays).toBe(90);
  });

  it.each([['-1'], ['91'], ['2.5'], ['many']])('rejects --history-days %s', (n) => {
    expect(() => parseSeedArgs(['--history-days', n], NOW)).toThrow(/--history-days/);
  });
});

describe('parseSeedArgs --plan', () => {
  it('does not plan unless asked; --plan takes the default budget, --plan-ms another', () => {
    expect(parseSeedArgs([], NOW).plan).toBeNull();
    expect(parseSeedArgs(['--plan'], NOW).plan).toEqual({ timeLimitMs: DEFAULT_PLAN_MS });
    expect(parseSeedArgs(['--plan', '--plan-ms', '2500'], NOW).plan).toEqual({
      timeLimitMs: 2500,
    });
    expect(parseSeedArgs(['--plan-ms=20000', '--reset', '--plan'], NOW).plan).toEqual({
      timeLimitMs: 20000,
    });
  });

  it.each([
    [['--plan-ms', '100'], /--plan-ms needs --plan/],
    [['--plan', '--plan-ms'], /needs a value/],
    [['--plan', '--plan-ms', 'abc'], /--plan-ms must be a whole number/],
    [['--plan', '--plan-ms', '0'], /--plan-ms must be a whole number/],
    [['--plan', '--plan-ms', '1.5'], /--plan-ms must be a whole number/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSeedArgs(argv, NOW)).toThrow(message);
  });
});

describe('databaseTargetFromEnv', () => {
  it('uses DATABASE_URL for PostgreSQL', () => {
    expect(databaseTargetFromEnv({ DATABASE_URL: 'postgres://u:p@h/db' })).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@h/db',
    });
  });

  it('otherwise keeps PGlite under DATA_DIR/pglite', () => {
    expect(databaseTargetFromEnv({ DATA_DIR: '/var/lib/hsv' })).toEqual({
      kind: 'pglite',
      dataDir: '/var/lib/hsv/pglite',
    });
    expect(databaseTargetFromEnv({})).toEqual({ kind: 'pglite', dataDir: 'data/pglite' });
  });
});
