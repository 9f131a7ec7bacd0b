// The real `dangan serve` as a child process, killed and restarted by the
// crash harness, and a small HTTP client that signs in as a demo user.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD } from "@dangan/server/demo";

export const BIN = fileURLToPath(new URL("../../apps/cli/bin/dangan.js", import.meta.url));
export const SECRET = "5e".repeat(32);

/** The environment of every child: short job staleness so a killed job is failed within seconds (server mode). */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DANGAN_SECRET: SECRET,
    DANGAN_JOB_STALE_SECONDS: "8",
    DANGAN_LOGIN_PER_IP_PER_MINUTE: "100000",
    ...extra,
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown hook runs. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful stop `dangan serve` does on Ctrl-C. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((ok) => child.once("exit", () => ok()));

export async function startServer(args: string[], env = childEnv()): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start in 180 s: ${out}${err}`)), 180_000);
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.stderr!.on("data", (c: Buffer) => {
      err = (err + c.toString()).slice(-4000);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`serve exited (${code ?? signal}) before listening: ${out}${err}`));
    });
  });
  child.stdout!.resume();
  return {
    url,
    child,
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the bodies of many routes, read loosely by the harness
export type Loose = any;

export interface Session {
  get(path: string): Promise<{ status: number; body: Loose }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: Loose }>;
  upload(path: string, filename: string, data: Buffer): Promise<{ status: number; body: Loose }>;
}

/** Signs in once; the session lives in the database, so it outlives a restart (base URL changes). */
export async function signIn(base: () => string, username: string): Promise<Session> {
  const res = await fetch(`${base()}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = String(res.headers.get("set-cookie")).split(";")[0]!;
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const headers = { cookie, "x-csrf-token": csrf };
  const send = async (path: string, init: RequestInit) => {
    const r = await fetch(`${base()}${path}`, { ...init, headers: { ...headers, ...init.headers } });
    const text = await r.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: r.status, body: body as Loose };
  };
  return {
    get: (path) => send(path, { method: "GET" }),
    post: (path, body) =>
      send(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body ?? {}),
      }),
    upload: (path, filename, data) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(data)]), filename);
      return send(path, { method: "POST", body: form });
    },
  };
}
