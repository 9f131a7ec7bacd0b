// Issue 7, "Load and scale": a short soak. The real `dangan serve --demo` on a
// fresh PostgreSQL database (dropped after) driven at a fixed 20 requests per
// second for 18 s with the soak mix — clients' catalogue searches, use requests,
// sensor readings and intake steps — must answer every request without error;
// the server's RSS is sampled. The full run is
// `node --import tsx scripts/reliability/soak.ts --rate 20 --minutes 10`
// (docs/reliability.md). It targets the PostgreSQL server whatever the pass, so
// it runs in both passes of the api tier (a CI tier never skips).
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_POSTGRES_URL } from "@dangan/db/testing";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { KINDS, runSoak } from "../../../scripts/reliability/soak.ts";

describe("[reliability] soak, short (PostgreSQL server)", () => {
  it("[reliability] a fixed-rate realistic mix is answered without a single error; RSS sampled; the database dropped", async () => {
    const out = join(tmpdir(), `dangan-soak-smoke-${process.pid}-${Date.now()}.json`);
    try {
      const s = await runSoak({ rate: 20, minutes: 0.3, sampleSeconds: 2, out });
      expect(s.errorSamples).toEqual([]);
      expect(s.errors).toBe(0);
      expect(s.total).toBe(360);
      for (const k of KINDS) {
        expect(s.latencyMs[k].count, k).toBeGreaterThan(0);
        expect(s.latencyMs[k].p99, k).toBeGreaterThanOrEqual(s.latencyMs[k].p50);
      }
      expect(s.latencyMs.all.count).toBe(360);
      expect(s.rss.samplesMb.length).toBeGreaterThanOrEqual(5);
      expect(s.rss.startMb).toBeGreaterThan(10);
      expect(Number.isFinite(s.rss.slopeMbPerMinSecondHalf)).toBe(true);
      expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ total: 360, errors: 0 });
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      try {
        const left = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [s.databaseName]);
        expect(left.rowCount).toBe(0);
      } finally {
        await c.end();
      }
    } finally {
      rmSync(out, { force: true });
    }
  }, 600_000);
});
