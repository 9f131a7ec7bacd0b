// Reads the first worksheet of an .xlsx file with exceljs's streaming
// WorkbookReader on a thread of its own — exceljs's XML parsing costs about as
// much per row as PostgreSQL's COPY, so off the main thread the checks and the
// writing run beside it — and posts the rows as text cells in batches, at most
// two ahead of the reader (credit-based, so a large sheet never piles up).
// Plain JavaScript so that it starts the same under tsx, vitest and node.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import ExcelJS from "exceljs";

const BATCH = 2000;
// Limits (source-limits.ts): unpacked XML bytes, columns and characters per row, rows per sheet.
const { maxUnpacked, maxColumns, maxRowChars, maxRows } = workerData.limits;
let unpacked = 0;
const count = (n) => {
  unpacked += n;
  if (unpacked > maxUnpacked)
    throw new Error(
      `解压后内容超过 ${maxUnpacked} 字节，疑似压缩炸弹 / unpacks to more than ${maxUnpacked} bytes (a zip bomb?)`,
    );
};

/**
 * exceljs 4.4 turns each decompressed chunk into text on its own, so a Chinese
 * character split across two chunks becomes "\uFFFD" (exceljs issues #2063,
 * #2084; fix PR #1665 unmerged). Its XML parser passes strings through, so the
 * worksheet and shared-strings streams are handed over already decoded.
 */
function decodeXmlAsText() {
  const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype;
  const parseWorksheet = proto._parseWorksheet;
  const parseSharedStrings = proto._parseSharedStrings;
  proto._parseWorksheet = function (it, sheetNo) {
    return parseWorksheet.call(this, utf8(it), sheetNo);
  };
  proto._parseSharedStrings = function (entry) {
    entry.setEncoding("utf8");
    return parseSharedStrings.call(this, Readable.from(counted(entry), { objectMode: false }));
  };
}

async function* utf8(chunks) {
  const decoder = new TextDecoder("utf-8");
  for await (const c of chunks) {
    count(c.length);
    yield typeof c === "string" ? c : decoder.decode(c, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* counted(chunks) {
  for await (const c of chunks) {
    count(c.length);
    yield c;
  }
}

/** A cell as the text a person sees in it (formulas by their result). */
function cellText(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== "object") return "";
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) return cellText(v.result ?? null);
  if ("text" in v) return typeof v.text === "string" ? v.text : cellText(v.text);
  if ("error" in v) return String(v.error);
  return "";
}

let credit = 2;
let wake = null;
parentPort.on("message", (m) => {
  if (m === "more") {
    credit++;
    wake?.();
  }
});
const waitForCredit = () => new Promise((resolve) => (wake = resolve));

async function main() {
  decodeXmlAsText();
  let bytes = 0;
  const input = createReadStream(workerData.path).on("data", (c) => {
    bytes += c.length;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  let batch = [];
  const send = async () => {
    while (credit === 0) await waitForCredit();
    credit--;
    parentPort.postMessage({ type: "rows", rows: batch, bytes });
    bytes = 0;
    batch = [];
  };
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values;
      if (values.length - 1 > maxColumns)
        throw new Error(
          `第${row.number}行超过${maxColumns}列 / row ${row.number} has more than ${maxColumns} columns`,
        );
      if (row.number > maxRows)
        throw new Error(`工作表超过 ${maxRows} 行 / the sheet has more than ${maxRows} rows`);
      const cells = [];
      let chars = 0;
      for (let i = 1; i < values.length; i++) {
        const text = cellText(values[i] ?? null);
        chars += text.length;
        cells.push(text);
      }
      if (chars > maxRowChars)
        throw new Error(
          `第${row.number}行超过 100 万个字符 / row ${row.number} is longer than a million characters`,
        );
      batch.push({ cells, row: row.number });
      if (batch.length === BATCH) await send();
    }
    break; // the first worksheet is the catalogue
  }
  await send();
  input.destroy();
  parentPort.postMessage({ type: "end" });
}

main().catch((error) => {
  parentPort.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
});
