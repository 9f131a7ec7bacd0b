// `dangan vacuum`: the night's embedded maintenance on demand (PGlite has no autovacuum).
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target } from "./helpers.ts";

const mode = testDbMode();
let t: Target;

describe(`dangan vacuum (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await dangan(["migrate", ...t.args])).code).toBe(0);
  });
  afterAll(() => t.dispose());

  it("reclaims dead rows and refreshes statistics, and says how long it took", async () => {
    const r = await dangan(["vacuum", ...t.args]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/vacuumed and analysed in \d+\.\d s/);
  });
});
