// Subscribes to `<prefix>/<sensor code>/readings` on the broker and hands the
// messages to the ingest service in batches: every 250 ms, or at once when 500
// are waiting. One batch runs at a time, so the database sees a steady stream
// of multi-row inserts instead of one transaction per message.
import mqtt, { type MqttClient } from "mqtt";
import type { IngestService } from "./ingest.service.ts";

const FLUSH_MS = 250;
const MAX_BATCH = 500;
const START_TIMEOUT_MS = 10_000;

export interface MqttIngester {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when everything received so far has been stored or refused. */
  drain(): Promise<void>;
}

export function mqttIngester(
  opts: { url: string; topicPrefix: string },
  ingest: IngestService,
  onError: (error: unknown) => void,
): MqttIngester {
  const topic = `${opts.topicPrefix}/+/readings`;
  const codeAt = opts.topicPrefix.split("/").length;
  let client: MqttClient | null = null;
  let queue: { code: string; payload: Buffer }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return running;
    running = running.then(() => ingest.ingestSigned(batch).then(() => undefined, onError));
    return running;
  };

  const onMessage = (t: string, payload: Buffer) => {
    const code = t.split("/")[codeAt] ?? "";
    queue.push({ code, payload });
    if (queue.length >= MAX_BATCH) void flush();
    else timer ??= setTimeout(() => void flush(), FLUSH_MS);
  };

  return {
    async start() {
      client = mqtt.connect(opts.url, {
        clientId: `dangan-ingest-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
        reconnectPeriod: 2000,
        connectTimeout: 10_000,
        resubscribe: false,
      });
      client.on("message", onMessage);
      client.on("error", onError);
      // Subscribe on every connect: the broker may restart, and sessions are clean.
      const c = client;
      const subscribed = new Promise<void>((resolve) =>
        c.on("connect", () => c.subscribe(topic, { qos: 1 }, (e) => (e ? onError(e) : resolve()))),
      );
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        subscribed,
        new Promise<never>((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error(`MQTT broker ${opts.url} not reachable yet; still retrying`)),
            START_TIMEOUT_MS,
          );
        }),
      ]).finally(() => clearTimeout(timeout));
    },
    async stop() {
      await client?.endAsync();
      client = null;
      await flush();
    },
    async drain() {
      await flush();
    },
  };
}
