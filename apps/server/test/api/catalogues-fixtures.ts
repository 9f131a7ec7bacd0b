// Catalogue files for the tests: CSV (UTF-8, UTF-8 with BOM, GB18030 as Excel
// on Chinese Windows writes it) and XLSX, and a multipart upload helper.
import ExcelJS from "exceljs";
import type { Client, TestApp } from "../harness.ts";

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

/** n good rows with codes <fonds>-WS·2011-Y-0001…; each row's cells as strings. */
export function rows(n: number, fonds = "Z109", from = 1): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return [
      String(k),
      `${fonds}-WS·2011-Y-${String(k).padStart(4, "0")}`,
      `关于2011年度第${k}号工作的通知，含“引号”,逗号`,
      `B${String(Math.ceil(k / 20)).padStart(3, "0")}`,
      "1",
      String(10 + (k % 7)),
      "2011",
      "永久",
      "文书",
      "纸质",
      "",
    ];
  });
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
export const csvText = (header: string[], body: string[][]) =>
  `${[header, ...body].map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;

let gbMap: Map<string, number[]> | null = null;
/** GB18030 bytes for text in the GBK range (what Excel writes); found by decoding every two-byte code once. */
export function gb18030(text: string): Buffer {
  if (!gbMap) {
    gbMap = new Map();
    const d = new TextDecoder("gb18030");
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = d.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !gbMap.has(ch)) gbMap.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbMap.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export async function xlsx(header: string[], body: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("目录");
  ws.addRow(header);
  for (const r of body) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** POSTs a file as multipart field "file"; returns the response. */
export async function upload(
  c: Client,
  projectId: string,
  filename: string,
  content: Buffer | string,
  query: Record<string, string> = {},
) {
  const boundary = `----dangan${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const qs = new URLSearchParams(query).toString();
  const res = await c.request({
    method: "POST",
    url: `/api/projects/${projectId}/catalogue-imports${qs ? `?${qs}` : ""}`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}

/** Uploads and waits for the job to end (the runner is in-process). */
export async function importFile(
  t: TestApp,
  c: Client,
  projectId: string,
  filename: string,
  content: Buffer | string,
  query: Record<string, string> = {},
) {
  const res = await upload(c, projectId, filename, content, query);
  if (res.status !== 202) return { status: res.status, job: res.body };
  await t.services.catalogueImports.idle();
  const job = await c.get(`/api/catalogue-imports/${res.body.id}`);
  return { status: res.status, job: job.body };
}

/** The demo client's running custody project with the demo custody agency (custody.* users). */
export async function custodyProjectId(c: Client): Promise<string> {
  const list = await c.get("/api/projects?serviceType=custody&status=active&pageSize=100");
  const mine = list.body.items.find(
    (p: { agencyName: string }) => p.agencyName === "上海安存档案寄存托管有限公司（演示）",
  );
  if (!mine) throw new Error("the demo custody project is missing");
  return mine.id;
}
