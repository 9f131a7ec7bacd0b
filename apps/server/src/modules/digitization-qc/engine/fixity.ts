// SM3 and SHA-256 of every delivered file on a pool of worker threads, one per
// core (two here): hashing is the CPU-bound half of a check, so it runs beside
// the image checks rather than in turn with them. Paths go to the workers in
// batches so that the cost of a message is shared by many small files.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

export interface Digests {
  sm3: string;
  sha256: string;
}

type Result = Digests | { error: string };

interface Pending {
  w: number;
  resolve: (r: Result[]) => void;
  reject: (e: Error) => void;
}

export class FixityPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(size = Math.max(1, Math.min(availableParallelism(), 4))) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL("./fixity-worker.mjs", import.meta.url));
      w.on("message", (m: { id: number; results: Result[] }) => {
        const job = this.pending.get(m.id);
        if (!job) return;
        this.pending.delete(m.id);
        // An idle worker must not keep the process alive; a busy one must.
        if (--this.load[job.w]! === 0) this.workers[job.w]!.unref();
        job.resolve(m.results);
      });
      w.on("error", (e) => {
        for (const [id, job] of this.pending)
          if (job.w === i) {
            this.pending.delete(id);
            job.reject(e);
          }
      });
      w.unref();
      this.workers.push(w);
      this.load.push(0);
    }
  }

  private send(paths: string[]): Promise<Result[]> {
    const id = this.next++;
    let w = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[w]!) w = i;
    if (this.load[w]!++ === 0) this.workers[w]!.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { w, resolve, reject });
      this.workers[w]!.postMessage({ id, paths });
    });
  }

  /** Digests of each path, in order; a path that cannot be read rejects its own promise only. */
  digestAll(paths: string[], batch = 32): Promise<Digests>[] {
    const out: Promise<Digests>[] = [];
    for (let i = 0; i < paths.length; i += batch) {
      const sent = this.send(paths.slice(i, i + batch));
      for (let k = 0; k < Math.min(batch, paths.length - i); k++)
        out.push(
          sent.then((r) => {
            const x = r[k]!;
            if ("error" in x) throw new Error(x.error);
            return x;
          }),
        );
    }
    for (const p of out) p.catch(() => {}); // each caller handles its own
    return out;
  }

  digest(path: string): Promise<Digests> {
    return this.digestAll([path])[0]!;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
