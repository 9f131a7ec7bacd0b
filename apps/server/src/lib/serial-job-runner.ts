// One background job at a time, in order of arrival, with its live progress in
// memory for polling (the job itself writes a heartbeat to its row). QC checks,
// full-text OCR and catalogue imports run this way: a QC check already takes both
// cores, the full-text job keeps to one on purpose so the HTTP server always has
// a core, and the embedded database has one session anyway.

export type RunJob<Q, L> = (q: Q, live: L, aborted: () => boolean) => Promise<void>;

export class SerialJobRunner<Q, L> {
  /** By the job's key (its delivery or job id), while queued or running. */
  readonly live = new Map<string, L>();
  private queue: Q[] = [];
  private current: Promise<void> | null = null;
  protected stopping = false;

  constructor(
    private readonly run: RunJob<Q, L>,
    private readonly initial: () => L,
    private readonly keyOf: (q: Q) => string,
  ) {}

  /** Queues the job unless it is already queued or running, or the runner is stopping. */
  enqueue(q: Q): void {
    if (this.stopping || this.live.has(this.keyOf(q))) return;
    this.live.set(this.keyOf(q), this.initial());
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
    const key = this.keyOf(q);
    const live = this.live.get(key)!;
    this.current = this.run(q, live, () => this.stopping)
      .catch(() => {}) // the job records its own failure
      .finally(() => {
        this.live.delete(key);
        this.current = null;
        this.next();
      });
  }
}
