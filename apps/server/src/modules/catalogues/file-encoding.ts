// Which text encoding a CSV file is in. Excel on Chinese Windows writes
// "CSV" in GB18030/GBK; "CSV UTF-8" starts with a BOM; other tools write plain
// UTF-8. The file is already on disk, so the whole of it is checked: BOM →
// UTF-8 (or UTF-16); valid UTF-8 throughout → UTF-8; anything else → GB18030.

import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";

export const CATALOGUE_ENCODINGS = ["auto", "utf-8", "gb18030", "utf-16le"] as const;
export type CatalogueEncoding = (typeof CATALOGUE_ENCODINGS)[number];
export type TextEncodingName = Exclude<CatalogueEncoding, "auto">;

/** GBK is a subset of GB18030: one decoder reads both. */
export const encodingAlias = (e: string): CatalogueEncoding | null => {
  const v = e.trim().toLowerCase().replace(/_/g, "-");
  if (v === "utf8" || v === "utf-8-bom") return "utf-8";
  if (v === "gbk" || v === "gb2312" || v === "cp936") return "gb18030";
  return (CATALOGUE_ENCODINGS as readonly string[]).includes(v) ? (v as CatalogueEncoding) : null;
};

async function head(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Bytes at the end of `buf` that start a multi-byte UTF-8 sequence not yet complete. */
function incompleteTail(buf: Buffer): number {
  let i = buf.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (buf[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0 || buf[i]! < 0xc0) return 0;
  const need = buf[i]! >= 0xf0 ? 4 : buf[i]! >= 0xe0 ? 3 : 2;
  return buf.length - i < need ? buf.length - i : 0;
}

export async function detectEncoding(path: string): Promise<TextEncodingName> {
  const h = await head(path, 3);
  if (h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) return "utf-8";
  if (h[0] === 0xff && h[1] === 0xfe) return "utf-16le";
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf: Buffer = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const end = buf.length - incompleteTail(buf);
    if (!isUtf8(buf.subarray(0, end))) return "gb18030";
    carry = Buffer.from(buf.subarray(end));
  }
  return carry.length ? "gb18030" : "utf-8";
}

/** Decoded text of the file, chunk by chunk; a character split across chunks is kept whole. */
export async function* decodeFile(
  path: string,
  encoding: TextEncodingName,
  onBytes: (n: number) => void = () => {},
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    onBytes((chunk as Buffer).length);
    yield decoder.decode(chunk as Buffer, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
