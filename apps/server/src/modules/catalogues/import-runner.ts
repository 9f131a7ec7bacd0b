// The in-process runner of catalogue imports: the serial runner (one import at a
// time, progress in memory for polling) plus a heartbeat on the job rows, so that
// another process's start-up can tell a live import from one whose process died.
import type { Actor } from "@dangan/domain";
import { type RunJob, SerialJobRunner } from "../../lib/serial-job-runner.ts";

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

export type RunImport = RunJob<QueuedImport, LiveProgress>;
export type Heartbeat = (jobs: { id: string; live: LiveProgress }[]) => Promise<void>;

export class ImportRunner extends SerialJobRunner<QueuedImport, LiveProgress> {
  private readonly timer: NodeJS.Timeout;

  constructor(run: RunImport, heartbeat: Heartbeat, heartbeatMs = 10_000) {
    super(
      run,
      () => ({ status: "queued", bytesRead: 0, rowsRead: 0, rowsWritten: 0 }),
      (q) => q.jobId,
    );
    this.timer = setInterval(() => {
      const jobs = [...this.live].map(([id, live]) => ({ id, live }));
      if (jobs.length) heartbeat(jobs).catch(() => {});
    }, heartbeatMs);
    this.timer.unref();
  }

  /** An upload that arrives while the server stops is refused rather than left queued. */
  override enqueue(q: QueuedImport): void {
    if (this.stopping) throw new Error("the import runner is shutting down");
    super.enqueue(q);
  }

  /** Stops taking jobs and ends the running one at its next check (it rolls back and is marked failed). */
  override async shutdown(): Promise<void> {
    clearInterval(this.timer);
    await super.shutdown();
  }
}
