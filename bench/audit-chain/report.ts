// The results table. Every rate is set against raw SM3 over the same bytes,
// measured in the same run: 1.00× would mean the database costs nothing.
import type { Ceiling } from "./ceiling.ts";
import type { ModeResult } from "./database.ts";

interface Row {
  label: string;
  seconds: number;
}

export function table(c: Ceiling, modes: ModeResult[]): string {
  const rows: Row[] = [
    { label: "raw SM3 (ceiling)", seconds: c.sm3 },
    { label: "raw SHA-256 (reference)", seconds: c.sha256 },
    { label: "chainEvents in memory", seconds: c.domain },
    ...modes.flatMap((m) => [
      { label: `${m.mode} append`, seconds: m.append },
      { label: `${m.mode} verify`, seconds: m.verify },
    ]),
  ];
  const header = ["phase", "seconds", "events/s", "MB/s", "vs raw SM3"];
  const body = rows.map((r) => [
    r.label,
    r.seconds.toFixed(2),
    Math.round(c.events / r.seconds).toLocaleString("en"),
    (c.bytes / 1e6 / r.seconds).toFixed(1),
    `${(c.sm3 / r.seconds).toFixed(r.seconds > c.sm3 * 10 ? 3 : 2)}×`,
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((b) => b[k]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!))).join(" | ")} |`;
  // Same shape as Biome formats Markdown tables, so the output pastes into RESULTS.md as is.
  const rule = `| ${widths.map((w, k) => (k === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(header), rule, ...body.map(line)].join("\n");
}
