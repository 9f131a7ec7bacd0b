// The in-process job runner for catalogue imports: one import at a time (in
// embedded mode the database has one session anyway), progress kept in memory
// for polling, and a heartbeat on the job rows so that another process's
// start-up can tell a live import from one whose process died.
import type { Actor } from "@dangan/domain";

export interface QueuedImport {
  jobId: string;
  actor: Actor;
  /** The uploaded file (or the CLI's own file). */
  source: string;
  deleteSource: boolean;
}

export type LiveStatus = "queued" | "validating" | "writing";

export interface LiveProgress {
  status: LiveStatus;
  /** Bytes of the file checked so far: the progress of the checking phase. */
  bytesRead: number;
  rowsRead: number;
  rowsWritten: number;
}

export type RunImport = (q: QueuedImport, live: LiveProgress, aborted: () => boolean) => Promise<void>;
export type Heartbeat = (jobs: { id: string; live: LiveProgress }[]) => Promise<void>;

export class ImportRunner {
  readonly live = new Map<string, LiveProgress>();
  private queue: QueuedImport[] = [];
  private current: Promise<void> | null = null;
  private stopping = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly run: RunImport,
    heartbeat: Heartbeat,
    heartbeatMs = 10_000,
  ) {
    this.timer = setInterval(() => {
      const jobs = [...this.live].map(([id, live]) => ({ id, live }));
      if (jobs.length) heartbeat(jobs).catch(() => {});
    }, heartbeatMs);
    this.timer.unref();
  }

  enqueue(q: QueuedImport): void {
    if (this.stopping) throw new Error("the import runner is shutting down");
    this.live.set(q.jobId, { status: "queued", bytesRead: 0, rowsRead: 0, rowsWritten: 0 });
    this.queue.push(q);
    this.next();
  }

  /** Resolves when no import is running or queued. */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  /** Stops taking jobs and ends the running one at its next check (it rolls back and is marked failed). */
  async shutdown(): Promise<void> {
    this.stopping = true;
    this.queue = [];
    clearInterval(this.timer);
    await this.idle();
  }

  private next(): void {
    if (this.current || this.stopping) return;
    const q = this.queue.shift();
    if (!q) return;
    const live = this.live.get(q.jobId)!;
    this.current = this.run(q, live, () => this.stopping)
      .catch(() => {}) // the job records its own failure
      .finally(() => {
        this.live.delete(q.jobId);
        this.current = null;
        this.next();
      });
  }
}
