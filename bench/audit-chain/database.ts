// Appends through the real appender and verifies with the real verifier, in a
// fresh database for the mode.
import { performance } from "node:perf_hooks";
import { appendAuditEvents, type DbMode, verifyAuditChain } from "@dangan/db";
import { createTestDatabase } from "@dangan/db/testing";
import { ACTOR, batchTime, drafts } from "./events.ts";
import { progress } from "./progress.ts";

export interface ModeResult {
  mode: DbMode;
  target: string;
  /** Seconds inside the append transactions (draft generation excluded). */
  append: number;
  verify: number;
  head: { seq: number; hash: string };
}

export async function benchMode(mode: DbMode, events: number, batchSize: number): Promise<ModeResult> {
  const h = await createTestDatabase(mode === "embedded" ? "pglite" : "postgres");
  try {
    console.log(`\n${mode} (${h.target})`);
    const appendTick = progress(`${mode} append`, events);
    let append = 0;
    for (let from = 0, batch = 0; from < events; from += batchSize, batch++) {
      const batchDrafts = drafts(from, Math.min(batchSize, events - from));
      const t0 = performance.now();
      await h.db.transaction().execute((trx) => appendAuditEvents(trx, ACTOR, batchDrafts, batchTime(batch)));
      append += (performance.now() - t0) / 1000;
      appendTick(from + batchDrafts.length);
    }

    const verifyTick = progress(`${mode} verify`, events);
    const t0 = performance.now();
    const result = await verifyAuditChain(h.db, verifyTick);
    const verify = (performance.now() - t0) / 1000;
    if (!result.ok || result.count !== events) {
      throw new Error(`${mode}: chain did not verify: ${JSON.stringify(result)}`);
    }
    return { mode, target: h.target, append, verify, head: result.head };
  } finally {
    await h.close();
  }
}
