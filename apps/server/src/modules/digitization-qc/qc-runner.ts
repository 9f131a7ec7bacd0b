// The in-process runner of delivery checks: one at a time (both cores are
// already busy hashing and decoding one delivery), progress kept in memory for
// polling and written to the row now and then as a heartbeat.
import type { Actor } from "@dangan/domain";
import { type RunJob, SerialJobRunner } from "../../lib/serial-job-runner.ts";

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

export type RunCheck = RunJob<QueuedCheck, LiveCheck>;

export class QcRunner extends SerialJobRunner<QueuedCheck, LiveCheck> {
  constructor(run: RunCheck) {
    super(
      run,
      () => ({ status: "queued", totalFiles: 0, processedFiles: 0 }),
      (q) => q.deliveryId,
    );
  }

  /** A delivery handed in while the server stops is refused rather than left queued. */
  override enqueue(q: QueuedCheck): void {
    if (this.stopping) throw new Error("the QC runner is shutting down");
    super.enqueue(q);
  }
}
