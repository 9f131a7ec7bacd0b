// Rows of the first worksheet of an .xlsx file, streamed: exceljs's
// WorkbookReader runs on a worker thread (xlsx-worker.mjs) and hands over text
// cells in batches; the sheet is never held in memory (shared strings are).
import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { CsvRecord } from "./csv-reader.ts";
import {
  DEFAULT_SOURCE_LIMITS,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_XLSX_ROWS,
  type SourceLimits,
  unpackedAllowance,
} from "./source-limits.ts";

type Message =
  | { type: "rows"; rows: CsvRecord[]; bytes: number }
  | { type: "end" }
  | { type: "error"; message: string };

export async function* readXlsx(
  path: string,
  onBytes: (n: number) => void = () => {},
  limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
): AsyncGenerator<CsvRecord> {
  const maxUnpacked = unpackedAllowance(statSync(path).size, limits);
  const worker = new Worker(new URL("./xlsx-worker.mjs", import.meta.url), {
    workerData: {
      path,
      limits: { maxUnpacked, maxColumns: MAX_COLUMNS, maxRowChars: MAX_CELL_CHARS, maxRows: MAX_XLSX_ROWS },
    },
  });
  const queue: Message[] = [];
  let wake: (() => void) | null = null;
  const push = (m: Message) => {
    queue.push(m);
    wake?.();
  };
  worker.on("message", push);
  worker.on("error", (e) => push({ type: "error", message: e.message }));
  worker.on("exit", (code) =>
    push(code === 0 ? { type: "end" } : { type: "error", message: `xlsx reader exited ${code}` }),
  );
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const m = queue.shift()!;
      if (m.type === "end") return;
      if (m.type === "error") throw new Error(m.message);
      worker.postMessage("more");
      onBytes(m.bytes);
      yield* m.rows;
    }
  } finally {
    await worker.terminate();
  }
}
