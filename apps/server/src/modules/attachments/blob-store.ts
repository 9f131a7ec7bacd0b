// Content-addressed file store: a blob lives at <dir>/<sm3[0..2]>/<sm3>. Writes
// stream to a temp file while hashing, then rename into place, so a crash
// never leaves a partial blob under a real name and equal files are stored once.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DomainError } from "@dangan/domain";

export interface StoredBlob {
  sm3: string;
  sha256: string;
  size: number;
  /** First bytes, for type sniffing. */
  head: Buffer;
}

export const tooLarge = (limit: number) =>
  new DomainError({
    code: "PAYLOAD_TOO_LARGE",
    status: 413,
    message: {
      zh: `文件超过大小限制（${Math.round(limit / 1048576)} MB）`,
      en: `The file exceeds the ${Math.round(limit / 1048576)} MB limit`,
    },
    details: { limitBytes: limit },
  });

export class BlobStore {
  constructor(readonly dir: string) {}

  pathOf(sm3: string): string {
    if (!/^[0-9a-f]{64}$/.test(sm3)) throw new Error("bad blob id");
    return join(this.dir, sm3.slice(0, 2), sm3);
  }

  async put(source: Readable, maxBytes: number): Promise<StoredBlob> {
    await mkdir(join(this.dir, "tmp"), { recursive: true });
    const tmp = join(this.dir, "tmp", randomBytes(12).toString("hex"));
    const sm3 = createHash("sm3");
    const sha = createHash("sha256");
    let size = 0;
    const headParts: Buffer[] = [];
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > maxBytes) throw tooLarge(maxBytes);
            if (size - chunk.length < 64) headParts.push(chunk);
            sm3.update(chunk);
            sha.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp, { mode: 0o600 }),
      );
      if ((source as Readable & { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
      const blob = {
        sm3: sm3.digest("hex"),
        sha256: sha.digest("hex"),
        size,
        head: Buffer.concat(headParts).subarray(0, 64),
      };
      await mkdir(join(this.dir, blob.sm3.slice(0, 2)), { recursive: true });
      await rename(tmp, this.pathOf(blob.sm3));
      return blob;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async exists(sm3: string): Promise<boolean> {
    return stat(this.pathOf(sm3)).then(
      () => true,
      () => false,
    );
  }

  read(sm3: string): Readable {
    return createReadStream(this.pathOf(sm3));
  }
}
