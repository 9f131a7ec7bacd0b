// One background job at a time, in order of arrival, with its live progress in
// memory for polling (the job itself writes a heartbeat to its row). QC checks
// and full-text OCR run this way: a QC check already takes both cores, and the
// full-text job keeps to one on purpose so the HTTP server always has a core.

export type RunJob<Q, L> = (q: Q, live: L, aborted: () => boolean) => Promise<void>;

export class SerialJobRunner<Q extends { deliveryId: string }, L> {
  /** By delivery id, while queued or running. */
  readonly live = new Map<string, L>();
  private queue: Q[] = [];
  private current: Promise<void> | null = null;
  protected stopping = false;

  constructor(
    private readonly run: RunJob<Q, L>,
    private readonly initial: () => L,
  ) {}

  /** Queues the job unless its delivery is already queued or running, or the runner is stopping. */
  enqueue(q: Q): void {
    if (this.stopping || this.live.has(q.deliveryId)) return;
    this.live.set(q.deliveryId, this.initial());
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
