// One measured phase in a process of its own, so that its peak RSS is its own:
// a fresh database, a project that already holds 1,000 rows, then either the
// raw load of the rows or their import from CSV/XLSX through the real job.
import { join } from "node:path";
import type { DbMode } from "@dangan/db";
import { prepareBaseline, rawLoad } from "./baseline.ts";
import { measure } from "./measure.ts";
import type { PhaseResult } from "./report.ts";
import { OPERATOR, openWorld } from "./world.ts";

export type Phase = "raw" | "csv" | "xlsx" | "csv-insert";

export async function runPhase(mode: DbMode, phase: Phase, dir: string, rows: number, expected: string) {
  const w = await openWorld(mode, phase === "csv-insert" ? "insert" : undefined);
  try {
    const projectId = await w.project(`bench ${phase}`);
    if (phase === "raw") {
      const method = mode === "server" ? "copy" : "insert";
      const text = join(dir, `${mode}.copy`);
      const catalogueId = await prepareBaseline(w, text, rows, "C001", projectId);
      const m = await measure(() => rawLoad(w, text, method, projectId, catalogueId));
      return result(mode, method === "copy" ? "raw COPY" : "raw INSERT (no COPY)", rows, m);
    }
    const format = phase === "xlsx" ? "xlsx" : "csv";
    let shown = 0;
    const m = await measure(() =>
      w.services.catalogueImports.importFile(
        OPERATOR,
        projectId,
        { title: `bench ${phase}` },
        join(dir, `catalogue.${format}`),
        `bench.${format}`,
        (p) => {
          const done = p.status === "writing" ? rows + p.rowsWritten : p.rowsRead;
          if (done < shown + rows / 4) return;
          shown = done;
          console.log(
            `    ${p.status} ${(p.status === "writing" ? p.rowsWritten : p.rowsRead).toLocaleString("en")}`,
          );
        },
      ),
    );
    const job = m.value;
    if (job.status !== "succeeded" || job.rowsWritten !== rows)
      throw new Error(
        `${mode} ${phase}: ${job.status} ${JSON.stringify(job.error)} ${JSON.stringify(job.problems).slice(0, 400)}`,
      );
    const c = await w.services.db
      .selectFrom("handoverCatalogue")
      .select("digest")
      .where("id", "=", job.catalogueId!)
      .executeTakeFirstOrThrow();
    if (c.digest !== expected) throw new Error(`${mode} ${phase}: digest ${c.digest} ≠ expected ${expected}`);
    const label = phase === "csv-insert" ? "import csv via INSERT" : `import ${format}`;
    return result(mode, label, rows, m);
  } finally {
    await w.close();
  }
}

const result = (
  mode: DbMode,
  phase: string,
  rows: number,
  m: { seconds: number; peakRssMb: number; startRssMb: number },
): PhaseResult => ({
  mode,
  phase,
  rows,
  seconds: m.seconds,
  peakRssMb: m.peakRssMb,
  startRssMb: m.startRssMb,
});
