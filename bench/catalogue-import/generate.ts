// The benchmark's catalogue: N realistic rows (DA/T 22 codes, Chinese titles),
// deterministic, written as CSV and as XLSX (exceljs's streaming writer, inline
// strings), and as the COPY text the raw baseline loads. All streamed.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { CatalogueRow } from "@dangan/domain";
import ExcelJS from "exceljs";
import { SpoolWriter } from "../../apps/server/src/modules/catalogues/catalogue-spool.ts";

const SUBJECTS = [
  "关于印发年度工作要点的通知",
  "党组会议纪要",
  "关于调整内设机构职责的批复",
  "年度工作总结",
  "关于开展安全生产检查的通知",
  "干部任免审批表",
  "关于档案工作检查情况的通报",
  "财务预算执行情况报告",
  "关于表彰先进集体和个人的决定",
  "重大事项请示及批复",
  "办公会议纪要",
  "关于印发管理制度汇编的通知",
];
const RETENTION = [
  ["Y", "永久"],
  ["D30", "30年"],
  ["D10", "10年"],
] as const;

export const HEADER = [
  "序号",
  "档号",
  "题名",
  "盒号",
  "件数",
  "页数",
  "年度",
  "保管期限",
  "门类",
  "载体",
  "密级",
];

/** Row i as the file shows it (cells) and as the import stores it (normalised). */
export function row(i: number, fonds: string): { cells: string[]; stored: CatalogueRow } {
  const year = 1990 + (i % 36);
  const [code, label] = RETENTION[Math.floor(i / 36) % 3]!;
  const serial = String(Math.floor(i / 108) + 1).padStart(5, "0");
  const ref = `${fonds}-WS·${year}-${code}-${serial}`;
  const title = `${year}年${SUBJECTS[i % SUBJECTS.length]}（第${i + 1}号）`;
  const box = `B${String(Math.floor(i / 25) + 1).padStart(6, "0")}`;
  const quantity = 1 + (i % 5);
  const pages = 5 + ((i * 7) % 76);
  const classification = i % 50 === 0 ? "内部" : "";
  return {
    cells: [
      String(i + 1),
      ref,
      title,
      box,
      String(quantity),
      String(pages),
      String(year),
      label,
      "文书",
      "纸质",
      classification,
    ],
    stored: {
      referenceCode: ref,
      title,
      boxNo: box,
      quantity,
      pages,
      year,
      retentionPeriod: code,
      category: "WS",
      carrier: "paper",
      classification: classification || null,
    },
  };
}

export async function writeCsv(path: string, n: number, fonds: string): Promise<void> {
  const out = createWriteStream(path);
  let buf = `\ufeff${HEADER.join(",")}\r\n`;
  for (let i = 0; i < n; i++) {
    buf += `${row(i, fonds).cells.join(",")}\r\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await finished(out);
}

export async function writeXlsx(path: string, n: number, fonds: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet("交接目录");
  ws.addRow(HEADER).commit();
  for (let i = 0; i < n; i++) {
    const c = row(i, fonds).cells;
    // Numbers as numbers, as Excel stores them.
    ws.addRow([
      Number(c[0]),
      c[1],
      c[2],
      c[3],
      Number(c[4]),
      Number(c[5]),
      Number(c[6]),
      c[7],
      c[8],
      c[9],
      c[10],
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** The same rows, normalised, in COPY text format: what the baseline loads raw. */
export async function writeCopyText(
  path: string,
  n: number,
  fonds: string,
  ids: { catalogueId: string; projectId: string; clientOrgId: string },
): Promise<void> {
  const spool = new SpoolWriter(path, ids);
  for (let i = 0; i < n; i++) await spool.add(i + 1, row(i, fonds).stored);
  await spool.close();
}
