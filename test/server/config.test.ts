import { describe, expect, it } from 'vitest';
import { databaseTarget } from '../../server/bootstrap.ts';
import { DEFAULT_POOL_SIZE } from '../../db/client.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('configuration from the environment', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 8080,
      DATA_DIR: './data',
      LOG_LEVEL: 'info',
      DEMO_DATA: 'auto',
    });
  });

  it('names every bad variable with its value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT="eighty"');
    expect(problems).toContain('LOG_LEVEL="loud"');
    expect(problems).toContain(
      'DATABASE_URL="mysql://x": must be a postgres:// or postgresql:// URL',
    );
  });

  it('takes an https tile template as MAP_TILE_URL, unset by default, and refuses others', () => {
    expect(loadConfig({}).MAP_TILE_URL).toBeUndefined();
    const ok = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    expect(loadConfig({ MAP_TILE_URL: ok }).MAP_TILE_URL).toBe(ok);
    for (const bad of [
      'http://tile.openstreetmap.org/{z}/{x}/{y}.png', // not https
      'https://tile.openstreetmap.org/tiles.png', // no {z}/{x}/{y}
      'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', // no plain origin for the CSP
      'https://tiles.example.se/{z}/{x}/{y}.png"><script>', // leaves the attribute
      'tile.openstreetmap.org/{z}/{x}/{y}.png',
    ])
      expect(() => loadConfig({ MAP_TILE_URL: bad })).toThrow(
        `MAP_TILE_URL=${JSON.stringify(bad)}: must be an https://…/{z}/{x}/{y}.png template`,
      );
  });

  it('generates 28 past demo days unless DEMO_HISTORY_DAYS says otherwise (0 to 90)', () => {
    expect(loadConfig({}).DEMO_HISTORY_DAYS).toBe(28);
    expect(loadConfig({ DEMO_HISTORY_DAYS: '0' }).DEMO_HISTORY_DAYS).toBe(0);
    expect(() => loadConfig({ DEMO_HISTORY_DAYS: '91' })).toThrow('DEMO_HISTORY_DAYS');
    expect(() => loadConfig({ DEMO_HISTORY_DAYS: '1.5' })).toThrow('DEMO_HISTORY_DAYS');
  });

  it('plans the demo day unless DEMO_PLAN=off', () => {
    expect(loadConfig({}).DEMO_PLAN).toBe('on');
    expect(loadConfig({ DEMO_PLAN: 'off' }).DEMO_PLAN).toBe('off');
    expect(() => loadConfig({ DEMO_PLAN: 'yes' })).toThrow('DEMO_PLAN="yes": must be on or off');
  });

  it('sizes the PostgreSQL pool from DATABASE_POOL_SIZE, 1 to 100', () => {
    const url = { DATABASE_URL: 'postgres://x@h/db', AUTH_SECRET: 'k'.repeat(32) };
    expect(loadConfig({}).DATABASE_POOL_SIZE).toBe(DEFAULT_POOL_SIZE);
    const config = loadConfig({ ...url, DATABASE_POOL_SIZE: '2' });
    expect(databaseTarget(config)).toEqual({
      kind: 'postgres',
      url: url.DATABASE_URL,
      maxConnections: 2,
    });
    for (const bad of ['0', '101', '2.5', 'many'])
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(
        `DATABASE_POOL_SIZE="${bad}": must be a whole number between 1 and 100`,
      );
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads the auth settings, with a five-year minimum audit retention', () => {
    const secret = 'x'.repeat(32);
    const config = loadConfig({
      AUTH_SECRET: secret,
      AUTH_PREVIOUS_SECRETS: `${'y'.repeat(40)}, ${'z'.repeat(33)}`,
      SESSION_TTL_MINUTES: '60',
      AUDIT_RETENTION_YEARS: '10',
    });
    expect(config).toMatchObject({
      AUTH_SECRET: secret,
      AUTH_PREVIOUS_SECRETS: ['y'.repeat(40), 'z'.repeat(33)],
      SESSION_TTL_MINUTES: 60,
      AUDIT_RETENTION_YEARS: 10,
    });
    expect(loadConfig({})).toMatchObject({ AUDIT_RETENTION_YEARS: 5, SESSION_TTL_MINUTES: 720 });
    const problems = (() => {
      try {
        loadConfig({ AUTH_SECRET: 'short-secret', AUDIT_RETENTION_YEARS: '3' });
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
    })();
    expect(problems).toContain('AUTH_SECRET=(hidden): must be at least 32 characters');
    expect(problems).toContain('AUDIT_RETENTION_YEARS="3": must be at least 5');
    expect(problems).not.toContain('short-secret');
  });

  it('requires a shared AUTH_SECRET with DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://h/db' })).toThrow(/AUTH_SECRET: required/);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://h/db', AUTH_SECRET: 's'.repeat(32) }).AUTH_SECRET,
    ).toBe('s'.repeat(32));
  });
});
