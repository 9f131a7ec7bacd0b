// The results table: each phase against the raw load of the same rows.
import type { DbMode } from "@dangan/db";

export interface PhaseResult {
  mode: DbMode;
  phase: string;
  rows: number;
  seconds: number;
  peakRssMb: number;
  startRssMb: number;
}

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

export function table(results: PhaseResult[]): string {
  const head = ["mode", "phase", "rows", "seconds", "rows/s", "× raw load", "peak RSS MB", "Δ over start"];
  const lines = results.map((r) => {
    const base = results.find((b) => b.mode === r.mode && b.phase.startsWith("raw"));
    const ratio = base ? (r.seconds / base.seconds).toFixed(2) : "—";
    return [
      r.mode,
      r.phase,
      r.rows.toLocaleString("en"),
      r.seconds.toFixed(1),
      Math.round(r.rows / r.seconds).toLocaleString("en"),
      `${ratio}×`,
      String(r.peakRssMb),
      `+${r.peakRssMb - r.startRssMb}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!, i >= 2)).join(" | ")} |`;
  return [
    row(head),
    `| ${widths.map((w, i) => (i >= 2 ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`,
    ...lines.map(row),
  ].join("\n");
}
