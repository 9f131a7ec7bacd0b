// A catalogue file on disk as rows of text cells, whatever its format: CSV in
// any of the accepted encodings, or XLSX.
import { DomainError } from "@dangan/domain";
import { type CsvRecord, readCsv } from "./csv-reader.ts";
import {
  type CatalogueEncoding,
  decodeFile,
  detectEncoding,
  type TextEncodingName,
} from "./file-encoding.ts";
import { DEFAULT_SOURCE_LIMITS, type SourceLimits } from "./source-limits.ts";
import { readXlsx } from "./xlsx-reader.ts";

export type SourceFormat = "csv" | "xlsx";

export const unsupportedFormat = () =>
  new DomainError({
    code: "UNSUPPORTED_FILE_TYPE",
    status: 415,
    message: {
      zh: "只能导入 .xlsx 或 .csv 文件（旧版 .xls 请先另存为 .xlsx）",
      en: "Import .xlsx or .csv files (save an old .xls as .xlsx first)",
    },
  });

/** By extension, else by content: a zip (PK) is xlsx; text is csv. */
export function formatOf(filename: string, head: Buffer): SourceFormat {
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  if (ext === "xlsx") return "xlsx";
  if (ext === "csv" || ext === "txt") return "csv";
  if (ext === "xls" || head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw unsupportedFormat();
  return head.subarray(0, 2).toString("latin1") === "PK" ? "xlsx" : "csv";
}

export interface OpenedSource {
  encoding: TextEncodingName | null;
  rows: AsyncGenerator<CsvRecord>;
}

export async function openSource(
  path: string,
  format: SourceFormat,
  encoding: CatalogueEncoding,
  onBytes?: (n: number) => void,
  limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
): Promise<OpenedSource> {
  if (format === "xlsx") return { encoding: null, rows: readXlsx(path, onBytes, limits) };
  const enc = encoding === "auto" ? await detectEncoding(path) : encoding;
  return { encoding: enc, rows: readCsv(decodeFile(path, enc, onBytes)) };
}
