// `dangan oversight sample`: the yearly spot-check sample drawn from a seed
// (G-7) — the same seed draws the same projects; the plan is recorded once.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
const cli = (args: string[]) => dangan([...args, ...t.args]);
const sample = (extra: string[]) =>
  cli(["oversight", "sample", "--year", "2027", "--rate", "0.5", "--seed", "cli-seed", "--json", ...extra]);

describe(`dangan oversight sample (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await cli(["demo"])).code).toBe(0);
  }, 180_000);
  afterAll(() => t.dispose());

  it("[G-7] draws the same sample from the same seed, and records the plan once", async () => {
    const dry = await sample(["--dry-run"]);
    expect(dry.code).toBe(0);
    const a = JSON.parse(dry.out);
    expect(a).toMatchObject({ planId: null, seed: "cli-seed", rate: 0.5 });
    expect(a.sample.length).toBeGreaterThan(0);
    const real = await sample([]);
    const b = JSON.parse(real.out);
    expect(b.sample).toEqual(a.sample);
    const stored = await withDb(t, ({ db }) =>
      db.selectFrom("spotCheckSample").select("projectId").where("planId", "=", b.planId).execute(),
    );
    expect(stored.map((x) => x.projectId).sort()).toEqual(a.sample.map((x: { id: string }) => x.id).sort());
    const again = await sample([]);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain("PLAN_EXISTS");
  });

  it("[G-7] marks overdue rectification orders once", async () => {
    const first = await cli(["oversight", "escalate"]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Escalated [1-9]\d* overdue/);
    expect((await cli(["oversight", "escalate"])).out).toContain("Escalated 0");
  });
});
