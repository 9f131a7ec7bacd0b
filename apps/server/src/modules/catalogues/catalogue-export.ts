// Spreadsheets of a catalogue: its rows (streamed, so a million-row catalogue
// exports without being held in memory) and an import's problem report.
import { PassThrough } from "node:stream";
import {
  CATALOGUE_COLUMN_LABELS,
  type CatalogueColumn,
  type CatalogueProblem,
  retentionLabel,
} from "@dangan/domain";
import ExcelJS from "exceljs";
import { neutralise, xlsxBuffer } from "../../lib/xlsx.ts";
import type { ItemRow } from "./catalogues.repository.ts";

const EXPORT_COLUMNS: { key: keyof ItemRow; header: string; width: number }[] = [
  { key: "rowNo", header: "序号 No.", width: 8 },
  { key: "referenceCode", header: "档号 Reference code", width: 28 },
  { key: "title", header: "题名 Title", width: 48 },
  { key: "boxNo", header: "盒号 Box no.", width: 10 },
  { key: "quantity", header: "件数 Quantity", width: 10 },
  { key: "pages", header: "页数 Pages", width: 10 },
  { key: "year", header: "年度 Year", width: 8 },
  { key: "retentionPeriod", header: "保管期限 Retention", width: 12 },
  { key: "category", header: "门类 Category", width: 10 },
  { key: "carrier", header: "载体 Carrier", width: 12 },
  { key: "classification", header: "密级 Classification", width: 12 },
];

/** The rows as an .xlsx stream; the header names re-import as the same columns. */
export function itemsXlsxStream(batches: AsyncIterable<ItemRow[]>): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet("交接目录");
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const batch of batches)
        for (const r of batch)
          ws.addRow(
            EXPORT_COLUMNS.map((c) => {
              const v = r[c.key];
              return c.key === "retentionPeriod" && typeof v === "string"
                ? retentionLabel(v)
                : neutralise(v ?? "");
            }),
          ).commit();
      ws.commit();
      await wb.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/** Every listed problem of an import, by row and column, in both languages. */
export function problemsXlsx(problems: CatalogueProblem[]): Promise<Buffer> {
  const label = (c: CatalogueColumn | null) => (c ? CATALOGUE_COLUMN_LABELS[c] : null);
  return xlsxBuffer(
    "导入问题",
    [
      { header: "行 Row", width: 8, value: (p: CatalogueProblem) => p.row || "—" },
      { header: "列 Column", width: 18, value: (p) => p.header ?? label(p.column)?.zh ?? "—" },
      { header: "问题 Problem", width: 60, value: (p) => p.message.zh },
      { header: "Problem (English)", width: 60, value: (p) => p.message.en },
      { header: "条款 Clause", width: 10, value: (p) => p.clause ?? "" },
      { header: "单元格 Value", width: 30, value: (p) => p.value ?? "" },
    ],
    problems,
  );
}
