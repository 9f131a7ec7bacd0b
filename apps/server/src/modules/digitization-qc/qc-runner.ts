// The in-process runner of delivery checks: one at a time (both cores are
// already busy hashing and decoding one delivery), progress kept in memory for
// polling and written to the row now and then as a heartbeat.
import type { Actor } from "@dangan/domain";

export interface QueuedCheck {
  deliveryId: string;
  actor: Actor;
}

export interface LiveCheck {
  status: "queued" | "checking";
  totalFiles: number;
  processedFiles: number;
  /** Z-7.3: pages screened for classification marks, after the checks. */
  screening?: { pages: number; total: number };
}

export type RunCheck = (q: QueuedCheck, live: LiveCheck, aborted: () => boolean) => Promise<void>;

export class QcRunner {
  readonly live = new Map<string, LiveCheck>();
  private queue: QueuedCheck[] = [];
  private current: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly run: RunCheck) {}

  enqueue(q: QueuedCheck): void {
    if (this.stopping) throw new Error("the QC runner is shutting down");
    this.live.set(q.deliveryId, { status: "queued", totalFiles: 0, processedFiles: 0 });
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
