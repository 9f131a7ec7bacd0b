// The in-process runner of full-text jobs: one job at a time, one page at a
// time (the job's own OCR pool has one worker, so the HTTP server keeps a
// core), progress kept in memory for polling.
import type { Actor } from "@dangan/domain";

export interface QueuedOcr {
  jobId: string;
  deliveryId: string;
  actor: Actor;
}

export interface LiveOcr {
  status: "queued" | "running";
  totalPages: number;
  processedPages: number;
  failedPages: number;
}

export type RunOcr = (q: QueuedOcr, live: LiveOcr, aborted: () => boolean) => Promise<void>;

export class PageTextRunner {
  /** By delivery id. */
  readonly live = new Map<string, LiveOcr>();
  private queue: QueuedOcr[] = [];
  private current: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly run: RunOcr) {}

  enqueue(q: QueuedOcr): void {
    if (this.stopping) return; // start-up recovery marks the row
    if (this.live.has(q.deliveryId)) return;
    this.live.set(q.deliveryId, { status: "queued", totalPages: 0, processedPages: 0, failedPages: 0 });
    this.queue.push(q);
    this.next();
  }

  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  async shutdown(): Promise<void> {
    this.stopping = true;
    this.queue = [];
    await this.idle();
  }

  private next(): void {
    if (this.current || this.stopping) return;
    const q = this.queue.shift();
    if (!q) return;
    const live = this.live.get(q.deliveryId)!;
    this.current = this.run(q, live, () => this.stopping)
      .catch(() => {}) // the job records its own failure
      .finally(() => {
        this.live.delete(q.deliveryId);
        this.current = null;
        this.next();
      });
  }
}
