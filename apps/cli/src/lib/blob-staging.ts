// Blobs from a backup are written beside the store and moved into place only
// after the database transaction commits, so a failed restore leaves no files.
import { createHash, type Hash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { BlobStore } from "@dangan/server";

interface Open {
  sm3: string;
  size: number;
  written: number;
  hash: Hash;
  out: WriteStream;
}

export class BlobStaging {
  readonly dir: string;
  readonly staged = new Set<string>();
  bytes = 0;
  private open: Open | null = null;

  constructor(private readonly store: BlobStore) {
    this.dir = join(store.dir, "tmp", `restore-${randomBytes(6).toString("hex")}`);
  }

  get expectingChunks(): boolean {
    return this.open !== null;
  }

  async begin(sm3: string, size: number): Promise<void> {
    if (this.open) throw new Error(`blob ${this.open.sm3} is incomplete in the backup`);
    this.store.pathOf(sm3); // validates the name
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const out = createWriteStream(join(this.dir, sm3), { mode: 0o600 });
    this.open = { sm3, size, written: 0, hash: createHash("sm3"), out };
    if (size === 0) await this.end();
  }

  async write(data: Buffer): Promise<void> {
    const b = this.open;
    if (!b) throw new Error("blob data outside a blob record: the backup is corrupted");
    b.written += data.length;
    if (b.written > b.size) throw new Error(`blob ${b.sm3} is longer than recorded: the backup is corrupted`);
    b.hash.update(data);
    if (!b.out.write(data)) await once(b.out, "drain");
    if (b.written === b.size) await this.end();
  }

  private async end(): Promise<void> {
    const b = this.open!;
    this.open = null;
    b.out.end();
    await once(b.out, "close");
    if (b.hash.digest("hex") !== b.sm3)
      throw new Error(`blob ${b.sm3} does not match its SM3: the backup is corrupted`);
    this.staged.add(b.sm3);
    this.bytes += b.size;
  }

  /** Whether the blob will be in the store once committed. */
  async has(sm3: string): Promise<boolean> {
    return this.staged.has(sm3) || (await this.store.exists(sm3));
  }

  async commit(): Promise<void> {
    for (const sm3 of this.staged) {
      const target = this.store.pathOf(sm3);
      const present = await stat(target).then(
        () => true,
        () => false,
      );
      if (present) continue; // content-addressed: the same bytes are already there
      await mkdir(join(this.store.dir, sm3.slice(0, 2)), { recursive: true });
      await rename(join(this.dir, sm3), target);
    }
    await this.discard();
  }

  async discard(): Promise<void> {
    this.open?.out.destroy();
    this.open = null;
    await rm(this.dir, { recursive: true, force: true });
  }
}
