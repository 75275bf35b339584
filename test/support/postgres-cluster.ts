/**
 * Throwaway PostgreSQL clusters for tests.
 *
 * `startCluster()` runs `initdb` + `pg_ctl start` in a fresh directory under os.tmpdir() and
 * returns a connection url plus a `stop()` that shuts the server down (`-m immediate`) and
 * removes the directory. PostgreSQL refuses to run as root, so when we are root the server
 * binaries run as the unprivileged `postgres` system user through `runuser`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

const PG_ROOT = '/usr/lib/postgresql';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust auth, no password). */
  url: string;
  port: number;
  /** Stops the server and removes its directory; safe to call more than once. */
  stop(): Promise<void>;
}

function hasServerBinaries(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
}

/**
 * The directory holding `initdb` and `pg_ctl`: `PG_BIN` when set (undefined when it lacks
 * them), else the newest `/usr/lib/postgresql/<version>/bin` that has both.
 */
export function findPostgresBin(): string | undefined {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv !== undefined && fromEnv !== '') {
    return hasServerBinaries(fromEnv) ? fromEnv : undefined;
  }
  let versions: string[];
  try {
    versions = readdirSync(PG_ROOT);
  } catch {
    return undefined;
  }
  const candidates = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const version of candidates) {
    const bin = join(PG_ROOT, version, 'bin');
    if (hasServerBinaries(bin)) return bin;
  }
  return undefined;
}

/** A port that was free a moment ago (bind port 0, read it, close). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function lookupPostgresUser(): Promise<{ uid: number; gid: number }> {
  try {
    const uid = Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('unparsable id output');
    return { uid, gid };
  } catch (err) {
    throw new Error(
      'Running as root, but PostgreSQL refuses to run as root and there is no usable ' +
        "'postgres' system user (create one with `useradd --system postgres`): " +
        errorText(err),
      { cause: err },
    );
  }
}

function errorText(err: unknown): string {
  // execFile errors read "Command failed: <command>\n<stderr>".
  return err instanceof Error ? err.message.trimEnd() : String(err);
}

async function logTail(logFile: string, lines = 30): Promise<string> {
  try {
    const text = await readFile(logFile, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function pgCommand(asPostgres: boolean, bin: string, args: string[]): [string, string[]] {
  return asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

export async function startCluster(): Promise<PostgresCluster> {
  const binDir = findPostgresBin();
  if (binDir === undefined) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) not found in ${process.env['PG_BIN'] || `${PG_ROOT}/*/bin`}`,
    );
  }
  const initdb = join(binDir, 'initdb');
  const pgCtl = join(binDir, 'pg_ctl');
  const asPostgres = isRoot();
  const owner = asPostgres ? await lookupPostgresUser() : undefined;

  const root = await mkdtemp(join(tmpdir(), 'pgtest-'));
  const dataDir = join(root, 'data');
  const sockDir = join(root, 'sock');
  const logFile = join(root, 'log');
  // cwd inside the temp dir so the postgres user can always chdir into it.
  const opts = { cwd: root, timeout: 120_000, env: { ...process.env, LC_ALL: 'C' } };

  let started = false;
  const stopSync = (): void => {
    if (started) {
      try {
        const [cmd, args] = pgCommand(asPostgres, pgCtl, [
          '-D',
          dataDir,
          '-m',
          'immediate',
          'stop',
        ]);
        execFileSync(cmd, args, { cwd: root, stdio: 'ignore', timeout: 30_000 });
      } catch {
        // best effort at process exit
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  // Last-resort cleanup if the process exits without calling stop().
  process.once('exit', stopSync);

  try {
    await mkdir(sockDir);
    if (owner !== undefined) {
      await chown(root, owner.uid, owner.gid);
      await chown(sockDir, owner.uid, owner.gid);
    }

    {
      const [cmd, args] = pgCommand(asPostgres, initdb, [
        '--auth=trust',
        '--no-sync',
        '--encoding=UTF8',
        '--locale=C',
        '-U',
        'postgres',
        '-D',
        dataDir,
      ]);
      try {
        await execFileAsync(cmd, args, opts);
      } catch (err) {
        throw new Error(`initdb failed: ${errorText(err)}`, { cause: err });
      }
    }

    // The port is picked by binding port 0; another process may grab it in between, so retry.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await findFreePort();
      const serverOpts = [
        `-p ${port}`,
        `-k ${sockDir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      const [cmd, args] = pgCommand(asPostgres, pgCtl, [
        '-w',
        '-t',
        '60',
        '-D',
        dataDir,
        '-l',
        logFile,
        '-o',
        serverOpts,
        'start',
      ]);
      try {
        await execFileAsync(cmd, args, opts);
        started = true;
        break;
      } catch (err) {
        const tail = await logTail(logFile);
        if (attempt < 3 && /could not (bind|create listen socket)|already in use/i.test(tail)) {
          continue;
        }
        // pg_ctl -w may leave a half-started server behind; make sure it is gone.
        started = true;
        throw new Error(
          `pg_ctl start failed: ${errorText(err)}\n` + `--- server log (${logFile}) ---\n${tail}`,
          { cause: err },
        );
      }
    }

    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        try {
          const [cmd, args] = pgCommand(asPostgres, pgCtl, [
            '-D',
            dataDir,
            '-m',
            'immediate',
            'stop',
          ]);
          await execFileAsync(cmd, args, opts);
        } finally {
          await rm(root, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw err;
  }
}
