// Excel exports for every list. Cells that a spreadsheet would read as a
// formula (=, +, -, @, tab, CR) are neutralised with a leading apostrophe
// (OWASP CSV/formula injection).
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

export function neutralise(value: unknown): unknown {
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

export async function xlsxBuffer<T>(sheetName: string, columns: XlsxColumn<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Dangan";
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => neutralise(c.value(row) ?? "")));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function sendXlsx<T>(
  reply: FastifyReply,
  filename: string,
  columns: XlsxColumn<T>[],
  rows: T[],
) {
  const body = await xlsxBuffer(filename, columns, rows);
  return reply
    .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header(
      "content-disposition",
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}.xlsx`,
    )
    .send(body);
}

/** Upper bound on rows in one export, so an export cannot exhaust memory. */
export const EXPORT_LIMIT = 50_000;
