// The backup file: gzip-compressed JSON lines (inspect with `zcat FILE | head`).
// Control records carry "kind"; a table's rows follow its "table" record as
// {"row":<row_to_json text>}; a blob's bytes follow its "blob" record as
// {"chunk":"<base64>"} lines. The manifest comes last because counts and
// digests are only known once everything has streamed past.
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import type { ChainBreak } from "@dangan/domain";

export const FORMAT = "dangan-backup";
export const FORMAT_VERSION = 1;
/** Raw bytes per blob chunk line (a multiple of 3: no base64 padding mid-blob). */
export const CHUNK_BYTES = 48 * 1024;
const MAX_LINE = 256 * 1024 * 1024;

export interface TableShape {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
}

export interface Header {
  kind: "header";
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  source: { mode: string; target: string };
  migrations: { version: string; sm3: string }[];
  tables: TableShape[];
  /** HMAC of the instance secret: tells whether the target can open the org signing keys. */
  secretFingerprint: string;
}

export interface TableCount {
  name: string;
  rows: number;
  sm3: string;
}

export interface AuditSummary {
  count: number;
  head: { seq: number; hash: string };
  intact: boolean;
  firstBreak: ChainBreak | null;
}

export interface Manifest {
  kind: "manifest";
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: TableCount[];
  sequences: { name: string; value: string; isCalled: boolean }[];
  blobs: { count: number; bytes: number };
  audit: AuditSummary;
}

export type BackupRecord =
  | Header
  | Manifest
  | { kind: "table"; name: string }
  | ({ kind: "tableEnd" } & TableCount)
  | { kind: "sequence"; name: string; value: string; isCalled: boolean }
  | { kind: "blob"; sm3: string; size: number };

export type Line = BackupRecord | { kind: "row"; json: string } | { kind: "chunk"; data: Buffer };

/** Writes to a temp name and renames on finish, so a failed backup leaves no plausible file. */
export class BackupWriter {
  private readonly gzip = createGzip({ level: 6 });
  private readonly done: Promise<void>;
  private constructor(
    readonly path: string,
    private readonly tmp: string,
  ) {
    this.done = pipeline(this.gzip, createWriteStream(tmp, { mode: 0o600 }));
    this.done.catch(() => {}); // surfaced by finish() or abort()
  }

  static create(path: string): BackupWriter {
    return new BackupWriter(path, `${path}.partial-${randomBytes(4).toString("hex")}`);
  }

  async line(text: string): Promise<void> {
    if (!this.gzip.write(`${text}\n`)) {
      await Promise.race([new Promise((r) => this.gzip.once("drain", r)), this.done]);
    }
  }
  record = (r: BackupRecord) => this.line(JSON.stringify(r));
  row = (json: string) => this.line(`{"row":${json}}`);
  chunk = (data: Buffer) => this.line(`{"chunk":"${data.toString("base64")}"}`);

  async finish(): Promise<void> {
    this.gzip.end();
    await this.done;
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => {});
    await rm(this.tmp, { force: true });
  }
}

/** Reads lines through gunzip; a truncated or corrupted file rejects (bad data or CRC) before EOF. */
export async function* readLines(path: string): AsyncGenerator<Line> {
  const gunzip = createGunzip();
  const file = createReadStream(path);
  file.on("error", (e) => gunzip.destroy(e));
  file.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let lineNo = 0;
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let nl = pending.indexOf("\n");
      while (nl >= 0) {
        lineNo++;
        yield parseLine(pending.slice(0, nl), lineNo);
        pending = pending.slice(nl + 1);
        nl = pending.indexOf("\n");
      }
      if (pending.length > MAX_LINE) throw new Error(`line ${lineNo + 1} is too long: not a Dangan backup`);
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("Z_"))
      throw new Error(`the file is damaged or truncated (gzip: ${(error as Error).message})`);
    throw error;
  } finally {
    // Also when the reader stops early: release the file.
    file.destroy();
    gunzip.destroy();
  }
  if (pending + decoder.end()) throw new Error("the backup ends in the middle of a line (truncated)");
}

function parseLine(text: string, lineNo: number): Line {
  // Rows are passed on as text: JSON.parse would round bigints and numerics.
  if (text.startsWith('{"row":') && text.endsWith("}")) return { kind: "row", json: text.slice(7, -1) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`line ${lineNo} is not JSON: the backup is corrupted`);
  }
  const v = value as { kind?: unknown; chunk?: unknown };
  if (typeof v.chunk === "string") return { kind: "chunk", data: Buffer.from(v.chunk, "base64") };
  if (typeof v.kind !== "string") throw new Error(`line ${lineNo} is not a backup record`);
  return value as BackupRecord;
}
