// Benchmark: append N audit events through the real appender and verify the
// chain, in each database mode, against the raw SM3 ceiling over the same bytes.
// Usage: node --import tsx bench/audit-chain.ts [--events N] [--mode embedded|server|both] [--batch N]
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import type { DbMode } from "@dangan/db";
import { measureCeiling } from "./audit-chain/ceiling.ts";
import { benchMode, type ModeResult } from "./audit-chain/database.ts";
import { table } from "./audit-chain/report.ts";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    mode: { type: "string", default: "both" },
    batch: { type: "string", default: "5000" },
  },
});

function count(name: string, text: string): number {
  const n = Number(text.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not ${text}`);
  return n;
}

const events = count("events", values.events);
const batchSize = count("batch", values.batch);
const modes: DbMode[] =
  values.mode === "both"
    ? ["embedded", "server"]
    : values.mode === "embedded" || values.mode === "server"
      ? [values.mode]
      : [];
if (modes.length === 0) throw new Error(`--mode must be embedded, server or both, not ${values.mode}`);

console.log(
  `audit-chain: ${events.toLocaleString("en")} events, ${batchSize.toLocaleString("en")} per transaction, modes ${modes.join(", ")}`,
);
console.log(
  `node ${process.version}, OpenSSL ${process.versions.openssl}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
);

const ceiling = measureCeiling(events, batchSize);
console.log(
  `  ceiling: ${(ceiling.bytes / 1e6).toFixed(1)} MB hashed, ${Math.round(ceiling.bytes / events)} bytes/event`,
);

const results: ModeResult[] = [];
for (const mode of modes) {
  const r = await benchMode(mode, events, batchSize);
  // Same drafts, same timestamps: the database chain must end where the ceiling's did.
  if (r.head.hash !== ceiling.head.hash)
    throw new Error(`${mode}: head ${r.head.hash} ≠ ceiling head ${ceiling.head.hash}`);
  results.push(r);
}

console.log(`\nhead seq ${ceiling.head.seq}, hash ${ceiling.head.hash} (identical in every mode)\n`);
console.log(table(ceiling, results));
