// `dangan audit verify` over the whole chain: exit 0 intact, 1 broken or cut.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, SECRET, type Target, tamper } from "./helpers.ts";

const mode = testDbMode();
const BIN = fileURLToPath(new URL("../bin/dangan.js", import.meta.url));
let t: Target;
const cli = (args: string[]) => dangan([...args, ...t.args]);

describe(`dangan audit verify (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    const demo = await cli(["demo"]);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Demo sign-ins/);
  });
  afterAll(() => t.dispose());

  it("demo is a no-op, with a message, once organisations exist", async () => {
    const again = await cli(["demo"]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already has organisations/);
  });

  it("[G-7] reports an intact chain with its count and head, exit 0", async () => {
    const r = await cli(["audit", "verify"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Audit chain intact: \d+ events, head seq \d+, hash [0-9a-f]{64}$/);
    const json = JSON.parse((await cli(["audit", "verify", "--json"])).out);
    expect(json).toMatchObject({ ok: true, firstBreak: null });
    expect(json.head.seq).toBe(json.count);
    const head = `${json.head.seq}:${json.head.hash}`;
    expect((await cli(["audit", "verify", "--expect-head", head])).code).toBe(0);
    expect((await cli(["audit", "verify", "--expect-head", "nonsense"])).code).toBe(2);
  });

  it("[D-12.2] detects a cut tail against a recorded head (--expect-head), exit 1", async () => {
    const before = JSON.parse((await cli(["audit", "verify", "--json"])).out);
    await tamper(t, `DELETE FROM audit_event WHERE seq = ${before.head.seq}`);
    expect((await cli(["audit", "verify"])).code).toBe(0); // still a valid chain, one shorter
    const r = await cli(["audit", "verify", "--expect-head", `${before.head.seq}:${before.head.hash}`]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`TRUNCATED: event ${before.head.seq} is missing`));
  });

  it("[D-12.2] names the first edited event (seq, kind, action), exit 1 — also through the real binary", async () => {
    await tamper(t, `UPDATE audit_event SET payload = '{"forged": true}' WHERE seq = 5`);
    const r = await cli(["audit", "verify"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Audit chain BROKEN at seq 5 \([a-z_.]+\): hash_mismatch/);
    const json = JSON.parse((await cli(["audit", "verify", "--json"])).out);
    expect(json).toMatchObject({ ok: false, firstBreak: { kind: "hash_mismatch", seq: 5 } });

    const env = { PATH: process.env.PATH, DANGAN_SECRET: SECRET };
    const bin = spawnSync(process.execPath, [BIN, "audit", "verify", ...t.args], { encoding: "utf8", env });
    expect(bin.status).toBe(1);
    expect(bin.stdout).toMatch(/BROKEN at seq 5/);
  });
});
