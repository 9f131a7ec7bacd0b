// The in-process runner of full-text jobs: one job at a time, one page at a
// time (the job's own OCR pool has one worker, so the HTTP server keeps a
// core), progress kept in memory for polling.
import type { Actor } from "@dangan/domain";
import { type RunJob, SerialJobRunner } from "../../lib/serial-job-runner.ts";

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

export type RunOcr = RunJob<QueuedOcr, LiveOcr>;

export class PageTextRunner extends SerialJobRunner<QueuedOcr, LiveOcr> {
  constructor(run: RunOcr) {
    // A job queued while the server stops stays "queued" in its row; start-up recovery takes it.
    super(
      run,
      () => ({ status: "queued", totalPages: 0, processedPages: 0, failedPages: 0 }),
      (q) => q.deliveryId,
    );
  }
}
