// A pool of OCR worker threads. Started lazily on first use (loading the models
// takes about a second) and unref'ed when idle so that it never keeps the
// process alive. `size` bounds how many cores OCR may take: the screening of a
// QC delivery uses both; the background full-text job asks for one page at a
// time so that the HTTP server always has a core.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PageReadRequest, PageReadResult, ReadTuning } from "./screen-page.ts";

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: number;
}

export class OcrPool {
  private slots: Slot[] = [];
  private readonly pending = new Map<
    number,
    { slot: Slot; resolve: (r: PageReadResult) => void; reject: (e: Error) => void }
  >();
  private next = 0;

  constructor(
    readonly size = Math.max(1, Math.min(availableParallelism(), 2)),
    private readonly tuning: Partial<ReadTuning> = {},
  ) {}

  private start(): void {
    if (this.slots.length) return;
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(new URL("./ocr-worker.mjs", import.meta.url), {
        workerData: { tuning: this.tuning },
      });
      const slot: Slot = { worker, busy: 0, ready: Promise.resolve() };
      slot.ready = new Promise((resolve, reject) => {
        const onReady = (m: { ready?: boolean }) => {
          if (m.ready) {
            worker.off("message", onReady);
            resolve();
          }
        };
        worker.on("message", onReady);
        worker.once("error", reject);
      });
      worker.on("message", (m: { id?: number; result?: PageReadResult; error?: string }) => {
        if (m.id === undefined) return;
        const job = this.pending.get(m.id);
        if (!job) return;
        this.pending.delete(m.id);
        if (--slot.busy === 0) worker.unref();
        if (m.error) job.reject(new Error(m.error));
        else job.resolve(m.result!);
      });
      worker.on("error", (e) => {
        for (const [id, job] of this.pending)
          if (job.slot === slot) {
            this.pending.delete(id);
            job.reject(e);
          }
      });
      worker.unref();
      this.slots.push(slot);
    }
  }

  /** Reads one page on the least busy worker. */
  async read(req: PageReadRequest): Promise<PageReadResult> {
    this.start();
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (slot.busy++ === 0) slot.worker.ref();
    await slot.ready;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { slot, resolve, reject });
      slot.worker.postMessage({ id, req });
    });
  }

  /** Reads pages with at most `size` in flight, in order of the input. */
  async readAll<T>(items: T[], toReq: (x: T) => PageReadRequest, onDone?: (n: number) => void) {
    const out: PageReadResult[] = new Array(items.length);
    let at = 0;
    let done = 0;
    const lane = async () => {
      while (at < items.length) {
        const i = at++;
        out[i] = await this.read(toReq(items[i]!));
        onDone?.(++done);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size, items.length) }, lane));
    return out;
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
