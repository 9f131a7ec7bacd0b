// Issue 7, "Faults": the real `dangan serve` SIGKILLed during a catalogue import,
// an intake step, a QC ingest and a backup, in this run's database mode. A short
// run (6 kills: import, intake, QC, backup, import, intake); the full run of 50+ kills per mode is
// `node --import tsx scripts/reliability/crash.ts --kills 60 --mode both`
// (docs/reliability.md). After each kill: no partial import, no half-applied
// transition, boxes where the register says, the audit chain intact, no job left
// running after the restart, and the interrupted work retried to success.
import { testDbMode } from "@dangan/db/testing";
import { describe, expect, it } from "vitest";
import { runCrash } from "../../../scripts/reliability/crash.ts";

const mode = testDbMode();

describe(`crash harness (${mode})`, () => {
  it("[reliability] no partial import, no half-applied transition, every box in one place, audit chain intact, work retried after SIGKILL", async () => {
    const r = await runCrash({ mode, kills: 6, seed: 2026, inTurn: true, importRows: 1500, qcPages: 6 });
    expect(r.problems).toEqual([]);
    expect(r.byOp).toEqual({ import: 2, intake: 2, qc: 1, backup: 1 });
    expect(r.interrupted).toBeGreaterThan(0);
  }, 900_000);
});
