// A private PostgreSQL server for fault tests (never the shared one): initdb
// into a temp folder, pg_ctl start/stop on a free port, torn down after. As root,
// the server runs as the postgres user (initdb refuses root).
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function pgBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")) && existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => ok(typeof a === "object" && a ? a.port : 0));
    });
  });

export interface PrivatePostgres {
  url: string;
  start(): void;
  /** pg_ctl stop -m fast: sessions are terminated, as in a restart or failover. */
  stop(): void;
  destroy(): void;
}

export async function privatePostgres(bin: string): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), "dangan-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, uid("postgres"), gid("postgres"));
  const run = (args: string[]) => {
    const cmd = asRoot ? "runuser" : args[0]!;
    const argv = asRoot ? ["-u", "postgres", "--", ...args] : args.slice(1);
    const r = spawnSync(cmd, argv, { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${args.join(" ")}: ${r.stderr || r.stdout}`);
  };
  run([join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgctl = (...a: string[]) => run([join(bin, "pg_ctl"), "-D", data, "-w", "-t", "60", ...a]);
  let up = false;
  const pgStop = () => {
    pgctl("-m", "fast", "stop");
    up = false;
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      pgctl("-o", opts, "-l", join(dir, "log"), "start");
      up = true;
    },
    stop: pgStop,
    destroy() {
      if (up) pgStop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const id = (flag: string, name: string) =>
  Number(spawnSync("id", [flag, name], { encoding: "utf8" }).stdout.trim());
const uid = (name: string) => id("-u", name);
const gid = (name: string) => id("-g", name);
