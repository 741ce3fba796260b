/**
 * A throwaway two-shard ClickHouse cluster for tests and the bench: two `clickhouse-server`
 * processes on free ports of 127.0.0.1, each with its own config and data folder in a temp folder,
 * and a `remote_servers` cluster `clvkit_two_shards` naming both tcp ports as two shards (DESIGN.md
 * §7). As root the servers run as the `clickhouse` user. `stop()` ends both by their process ids
 * and deletes the folder. Returns undefined with a reason when no cluster can start; under CI
 * (process.env.CI set) that is an error instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLUSTER = 'clvkit_two_shards';

export interface ChTestCluster {
  /** HTTP URLs of shard 1 (where the Distributed tables are made) and shard 2. */
  urls: [string, string];
  dir: string;
  /** Run one statement on a shard over HTTP; returns the response text (TabSeparated). */
  exec(sql: string, shard?: 0 | 1, body?: string, settings?: Record<string, string | number>): Promise<string>;
  stop(): void;
}

function findServer(): string | undefined {
  for (const p of ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server', '/usr/bin/clickhouse']) if (existsSync(p)) return p;
  const onPath = spawnSync('sh', ['-c', 'command -v clickhouse-server'], { encoding: 'utf8' }).stdout.trim();
  return onPath || undefined;
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

interface Ports {
  http: number;
  tcp: number;
  inter: number;
}

function configXml(dir: string, p: Ports, shards: Ports[]): string {
  const shardXml = shards.map((s) => `      <shard><replica><host>127.0.0.1</host><port>${s.tcp}</port></replica></shard>`).join('\n');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog><size>10M</size><count>1</count></logger>
  <http_port>${p.http}</http_port>
  <tcp_port>${p.tcp}</tcp_port>
  <interserver_http_port>${p.inter}</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <listen_host>127.0.0.1</listen_host>
  <max_concurrent_queries>20</max_concurrent_queries>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <mark_cache_size>67108864</mark_cache_size>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>/etc/clickhouse-server/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <${CLUSTER}>
${shardXml}
    </${CLUSTER}>
  </remote_servers>
</yandex>
`;
}

async function ping(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1000) });
    return r.ok;
  } catch {
    return false;
  }
}

/** Start the two servers, or explain why not. */
export async function startChTestCluster(): Promise<{ cluster?: ChTestCluster; reason?: string }> {
  const bin = findServer();
  if (!bin) return fail('clickhouse-server not found: apt-get install clickhouse-server');
  const root = process.getuid?.() === 0;
  const owner = root ? uidOf('clickhouse') : undefined;
  if (root && !owner) return fail('running as root and there is no clickhouse user to run the servers as');
  const dir = mkdtempSync(join(tmpdir(), 'clvkit-ch-'));
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const c of children) if (c.pid !== undefined && c.exitCode === null) {
      try {
        process.kill(c.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  try {
    const ports: Ports[] = [];
    const used = new Set<number>();
    while (ports.length < 2) {
      const p: number[] = [];
      while (p.length < 3) {
        const x = await freePort();
        if (!used.has(x)) (used.add(x), p.push(x));
      }
      ports.push({ http: p[0], tcp: p[1], inter: p[2] });
    }
    const urls = ports.map((p) => `http://127.0.0.1:${p.http}`) as [string, string];
    ports.forEach((p, k) => {
      const d = join(dir, `shard${k + 1}`);
      for (const sub of ['', 'data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(d, sub), { recursive: true });
      writeFileSync(join(d, 'config.xml'), configXml(d, p, ports));
    });
    if (owner) spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
    if (owner) chownSync(dir, owner.uid, owner.gid);
    for (let k = 0; k < 2; k++) {
      const d = join(dir, `shard${k + 1}`);
      const args = [`--config-file=${join(d, 'config.xml')}`];
      const c = spawn(bin, args, { cwd: d, stdio: 'ignore', detached: false, ...(owner ? { uid: owner.uid, gid: owner.gid } : {}) });
      c.on('error', () => undefined);
      children.push(c);
    }
    const deadline = Date.now() + 60_000;
    for (const url of urls) {
      while (!(await ping(url))) {
        if (Date.now() > deadline || children.some((c) => c.exitCode !== null)) {
          const log = ['shard1', 'shard2']
            .map((s) => join(dir, s, 'server.err.log'))
            .filter((f) => existsSync(f))
            .map((f) => readFileSync(f, 'utf8').trim().split('\n').slice(-2).join(' '))
            .join(' | ');
          throw new Error(`the servers did not answer within 60 s${log ? `: ${log}` : ''}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const cluster: ChTestCluster = {
      urls,
      dir,
      async exec(sql: string, shard: 0 | 1 = 0, body?: string, settings: Record<string, string | number> = {}) {
        const extra = Object.entries(settings).map(([k, v]) => `&${k}=${encodeURIComponent(String(v))}`).join('');
        // Without data, the statement itself is the POST body (no URL length limit).
        const url = body === undefined ? `${urls[shard]}/?${extra.slice(1)}` : `${urls[shard]}/?query=${encodeURIComponent(sql)}${extra}`;
        const r = await fetch(url, { method: 'POST', body: body ?? sql });
        const text = await r.text();
        if (!r.ok) throw new Error(`ClickHouse: ${text.trim().split('\n')[0]}`);
        return text;
      },
      stop() {
        stopAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return { cluster };
  } catch (e) {
    stopAll();
    rmSync(dir, { recursive: true, force: true });
    return fail(`cannot start a two-shard ClickHouse test cluster: ${(e as Error).message}`);
  }
}

/**
 * The local MergeTree table on each shard and the Distributed table over them (on shard 1),
 * sharded by cityHash64 of the customer id. `columns` is the column list, e.g.
 * `customer_id String, date Date, amount Float64`.
 */
export async function createShardedTable(c: ChTestCluster, name: string, columns: string, customerCol: string, orderBy: string): Promise<void> {
  for (const shard of [0, 1] as const) {
    await c.exec(`CREATE TABLE ${name}_local (${columns}) ENGINE = MergeTree() ORDER BY (${orderBy})`, shard);
  }
  await c.exec(`CREATE TABLE ${name} AS ${name}_local ENGINE = Distributed(${CLUSTER}, default, ${name}_local, cityHash64(${customerCol}))`, 0);
}

function fail(reason: string): { reason: string } {
  if (process.env.CI) throw new Error(`${reason} (CI is set, so this is a failure)`);
  return { reason };
}
