/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temp folder, pg_ctl start on a free port
 * of 127.0.0.1 (Unix socket in the same folder), trust authentication for a `clvkit` superuser,
 * stopped and deleted by `stop()`. As root the server binaries run as the `postgres` user (the
 * server refuses to run as root). Returns undefined with a reason when no server can start;
 * under CI (process.env.CI set) that is an error instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgTestServer {
  connectionString: string;
  port: number;
  dir: string;
  /** Run a shell-free command as the server's user (for psql, not needed by the tests). */
  stop(): void;
}

function findBin(name: string): string | undefined {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const p = join(base, v, 'bin', name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function uidOf(user: string): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Start a cluster, or explain why not. */
export async function startPgTestServer(): Promise<{ server?: PgTestServer; reason?: string }> {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (!initdb || !pgCtl) return fail('PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql');
  const root = process.getuid?.() === 0;
  const owner = root ? uidOf('postgres') : undefined;
  if (root && !owner) return fail('running as root and there is no postgres user to run the server as');
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-pg-'));
  const data = join(dir, 'data');
  const asOwner = (cmd: string, args: string[]) => (root ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe', cwd: dir }) : execFileSync(cmd, args, { stdio: 'pipe', cwd: dir }));
  try {
    if (owner) {
      chownSync(dir, owner.uid, owner.gid);
      chmodSync(dir, 0o755);
    }
    asOwner(initdb, ['-D', data, '-U', 'clvkit', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    let port = 0;
    let started = false;
    for (let attempt = 0; attempt < 5 && !started; attempt++) {
      port = await freePort();
      try {
        asOwner(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
        started = true;
      } catch {
        /* port taken in between: try another */
      }
    }
    if (!started) throw new Error('pg_ctl start failed 5 times');
    const server: PgTestServer = {
      connectionString: `postgres://clvkit@127.0.0.1:${port}/postgres`,
      port,
      dir,
      stop() {
        try {
          asOwner(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
        } catch {
          /* already stopped */
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return { server };
  } catch (e) {
    const msg = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    try {
      asOwner(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      /* not running */
    }
    rmSync(dir, { recursive: true, force: true });
    return fail(`cannot start a PostgreSQL test cluster: ${msg}`);
  }
}

function fail(reason: string): { reason: string } {
  if (process.env.CI) throw new Error(`${reason} (CI is set, so this is a failure)`);
  return { reason };
}
