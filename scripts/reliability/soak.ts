// Soak test (issue 7, "Load and scale"): the real `dangan serve --demo` on a
// fresh PostgreSQL database, driven at a FIXED request rate (open loop: a
// request leaves on schedule whether or not the earlier ones have answered) with
// a realistic mix — clients searching the catalogue with two- and three-character
// Chinese words, a client submitting use requests, sensors posting readings over
// HTTP, and intake batches moved step by step from the catalogue import to
// shelving. Records every request's status and latency (from its scheduled
// moment, so a stall is not hidden), and the server's RSS every 5 s with a
// least-squares slope over the second half of the run.
//
//   node --import tsx scripts/reliability/soak.ts [--rate 20] [--minutes 10] [--out /tmp/x.json] [--seed 7]
//
// Exits 1 on any error or when the memory verdict is not "flat".
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_POSTGRES_URL } from "@dangan/db/testing";
import pg from "pg";
import { seeded } from "./crash.ts";
import { catalogueCsv } from "./crash-ops.ts";
import {
  childEnv,
  type Loose,
  type ServerProcess,
  type Session,
  signIn,
  startServer,
} from "./server-process.ts";

export const KINDS = ["search", "use-request", "sensor", "intake"] as const;
export type Kind = (typeof KINDS)[number];
/** Share of the requests per kind. */
export const MIX: Record<Kind, number> = { search: 0.5, sensor: 0.25, intake: 0.15, "use-request": 0.1 };
/** RSS slope (MB/min, second half of the run) under which memory is called flat. */
export const FLAT_MB_PER_MIN = 1;
/** Two- and three-character words, most found in the demo titles, some not. */
export const WORDS = [
  "通知",
  "检查",
  "批复",
  "总结",
  "纪要",
  "表彰",
  "安全",
  "档案",
  "请示",
  "任免",
  "年度",
  "机构",
  "决定",
  "通报",
  "先进",
  "干部",
  "办公会",
  "审批表",
  "工作总",
  "合同书",
  "基建",
  "财务",
];

export interface SoakOptions {
  /** Requests per second. */
  rate: number;
  minutes: number;
  seed?: number;
  /** Where the JSON summary goes; default /tmp/dangan-soak-<time>.json. */
  out?: string;
  sampleSeconds?: number;
  log?: (line: string) => void;
}

interface Stats {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SoakSummary {
  date: string;
  rate: number;
  minutes: number;
  seed: number;
  database: string;
  /** The database created for the run and dropped after it. */
  databaseName: string;
  total: number;
  errors: number;
  errorSamples: string[];
  /** Requests per second actually sent (should equal `rate`). */
  achievedRate: number;
  /** The most requests waiting for an answer at one time. */
  maxInFlight: number;
  /** Intake ticks that found every intake pipeline busy and searched instead. */
  intakeBusy: number;
  intakeBatchesCompleted: number;
  latencyMs: Record<Kind | "all", Stats>;
  rss: {
    samplesMb: { t: number; mb: number }[];
    startMb: number;
    endMb: number;
    maxMb: number;
    slopeMbPerMinSecondHalf: number;
    thresholdMbPerMin: number;
    verdict: "flat" | "growing" | "too short";
  };
  loadavg: { start: number[]; end: number[] };
  setupSeconds: number;
  seconds: number;
  out: string;
}

interface Result {
  kind: Kind;
  ms: number;
  ok: boolean;
  note?: string;
}
type Outcome = { ok: boolean; note?: string };

const expect2xx = (what: string, r: { status: number; body: Loose }): Outcome =>
  r.status >= 200 && r.status < 300
    ? { ok: true }
    : { ok: false, note: `${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}` };

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Least-squares slope of y over x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

interface World {
  projectId: string;
  users: Record<string, string>;
  itemIds: string[];
  sensors: { token: string; last: number }[];
  s: { officer: Session; leader: Session; manager: Session; keeper: Session };
}

/** One intake batch after another, one HTTP request per tick (as in crash-ops, without the kills). */
class IntakePipeline {
  busy = false;
  completed = 0;
  private step = 0;
  private c: {
    jobId?: string;
    catalogueId?: string;
    batchId?: string;
    itemIds?: string[];
    boxIds: string[];
    locationId?: string;
  } = { boxIds: [] };
  constructor(
    private readonly w: World,
    private readonly id: number,
    private n = 0,
  ) {}

  private get tag() {
    return `${this.id}-${this.n}`;
  }

  /** The next request of the batch; advances when it succeeded. */
  async tick(): Promise<Outcome> {
    const { s, users: u, projectId } = this.w;
    const c = this.c;
    const both = [u["client.officer"]!, u["custody.manager"]!];
    const keepers = [u["custody.keeper"]!, u["custody.keeper2"]!];
    const transition = async (action: string, body: object, by = s.manager) =>
      expect2xx(action, await by.post(`/api/intake/batches/${c.batchId}/transitions`, { action, ...body }));
    const steps: (() => Promise<Outcome | "again">)[] = [
      async () => {
        const title = `压测入库目录${this.tag}`;
        const r = await s.officer.upload(
          `/api/projects/${projectId}/catalogue-imports?title=${encodeURIComponent(title)}`,
          `${title}.csv`,
          catalogueCsv(1000 + this.id * 10_000 + this.n, 6),
        );
        c.jobId = r.body?.id;
        return expect2xx("catalogue import", r);
      },
      async () => {
        const r = await s.officer.get(`/api/catalogue-imports/${c.jobId}`);
        if (r.status !== 200) return expect2xx("import job", r);
        if (r.body.status === "succeeded") {
          c.catalogueId = r.body.catalogueId;
          return { ok: true };
        }
        if (["refused", "failed"].includes(r.body.status))
          return {
            ok: false,
            note: `import ${r.body.status}: ${JSON.stringify(r.body.error).slice(0, 200)}`,
          };
        return "again";
      },
      async () => {
        const r = await s.manager.post("/api/intake/batches", {
          projectId,
          title: `压测入库批次${this.tag}`,
          catalogueIds: [c.catalogueId],
        });
        c.batchId = r.body?.id;
        return expect2xx("create batch", r);
      },
      () => transition("site_visit", { people: both }, s.officer),
      () =>
        transition("unshelve", {
          people: [...both, u["custody.keeper"]],
          counts: [{ catalogueId: c.catalogueId, counted: 6 }],
        }),
      () => transition("check_condition", { people: both, findings: [] }),
      async () => {
        const r = await s.keeper.get(`/api/intake/batches/${c.batchId}/items`);
        c.itemIds = (r.body?.items ?? []).map((i: { id: string }) => i.id);
        return expect2xx("items", r);
      },
      ...[0, 1].map((i) => async () => {
        const r = await s.keeper.post(`/api/intake/batches/${c.batchId}/boxes`, {
          kind: "transfer",
          carrier: "paper",
          itemIds: c.itemIds!.slice(i * 3, i * 3 + 3),
        });
        c.boxIds[i] = r.body?.id;
        return expect2xx(`box ${i}`, r);
      }),
      () => transition("finish_boxing", { people: both }),
      ...[0, 1].map(
        (i) => async () =>
          expect2xx(
            `seal ${i}`,
            await s.keeper.post(`/api/boxes/${c.boxIds[i]}/seal`, {
              sealNumber: `SK-${this.tag}-${i}`,
              outsideOk: true,
              witnessUserId: u["client.officer"],
            }),
          ),
      ),
      () =>
        transition("load", {
          people: [...both, u["custody.keeper"]],
          transport: { by: "agency", vehicle: "沪D·S0001" },
        }),
      () => transition("arrive", { people: keepers }),
      ...[0, 1].map(
        (i) => async () =>
          expect2xx(
            `inspect ${i}`,
            await s.keeper.post(`/api/boxes/${c.boxIds[i]}/inspection`, {
              sealIntact: true,
              damaged: false,
              missingItemIds: [],
            }),
          ),
      ),
      () => transition("finish_inspection", { people: both }),
      () => transition("skip_repacking", { people: [] }),
      async () => {
        const r = await s.keeper.get(`/api/intake/batches/${c.batchId}/locations`);
        const free = ((r.body?.items ?? []) as { id: string; capacity: number; held: number }[]).find(
          (l) => l.capacity - l.held >= 2,
        );
        c.locationId = free?.id;
        if (r.status === 200 && !free) return { ok: false, note: "no free location for two boxes" };
        return expect2xx("locations", r);
      },
      ...[0, 1].map(
        (i) => async () =>
          expect2xx(
            `shelve ${i}`,
            await s.keeper.post(`/api/boxes/${c.boxIds[i]}/shelve`, { locationId: c.locationId }),
          ),
      ),
      () => transition("complete", { people: keepers }, s.keeper),
    ];
    const r = await steps[this.step]!();
    if (r === "again") return { ok: true };
    if (!r.ok) {
      // Start a new batch: a failed step is counted once, not on every later tick.
      this.restart();
      return r;
    }
    this.step++;
    if (this.step === steps.length) {
      this.completed++;
      this.restart();
    }
    return r;
  }

  private restart() {
    this.n++;
    this.step = 0;
    this.c = { boxIds: [] };
  }
}

async function setup(url: string, base: () => string): Promise<World> {
  const users = Object.fromEntries(
    (await query<{ id: string; username: string }>(url, "SELECT id, username FROM app_user")).map((u) => [
      u.username,
      u.id,
    ]),
  );
  const [project] = await query<{ id: string }>(
    url,
    `SELECT p.id FROM project p JOIN app_user u ON u.org_id = p.agency_org_id AND u.username = 'custody.manager'
     JOIN app_user c ON c.org_id = p.client_org_id AND c.username = 'client.officer'
     WHERE p.status = 'active' AND p.service_type = 'custody' ORDER BY p.created_at LIMIT 1`,
  );
  const [vault] = await query<{ id: string }>(
    url,
    `SELECT v.id FROM vault v JOIN app_user u ON u.org_id = v.agency_org_id AND u.username = 'custody.keeper'
     ORDER BY v.code LIMIT 1`,
  );
  if (!project || !vault) throw new Error("the demo world has no active custody project or vault");
  const s = {
    officer: await signIn(base, "client.officer"),
    leader: await signIn(base, "client.leader"),
    manager: await signIn(base, "custody.manager"),
    keeper: await signIn(base, "custody.keeper"),
  };
  const items = await s.officer.get(`/api/use-requests/items?projectId=${project.id}&pageSize=200`);
  const itemIds = ((items.body?.items ?? []) as { id: string }[]).map((i) => i.id);
  if (!itemIds.length) throw new Error(`no requestable items: ${items.status} ${JSON.stringify(items.body)}`);
  const sensors = [];
  for (let i = 1; i <= 20; i++) {
    const code = `SOAK-${String(i).padStart(2, "0")}`;
    const r = await s.keeper.post(`/api/environment/vaults/${vault.id}/sensors`, {
      code,
      name: `压测温湿度计${i}`,
    });
    if (r.status !== 201) throw new Error(`sensor ${code}: ${r.status} ${JSON.stringify(r.body)}`);
    sensors.push({ token: r.body.token as string, last: 0 });
  }
  return { projectId: project.id, users, itemIds, sensors, s };
}

export async function runSoak(o: SoakOptions): Promise<SoakSummary> {
  const log = o.log ?? (() => {});
  const seed = o.seed ?? 7;
  const rng = seeded(seed);
  const started = Date.now();
  const loadStart = loadavg().map((x) => Math.round(x * 100) / 100);
  const name = `dangan_soak_${randomBytes(5).toString("hex")}`;
  const dataDir = mkdtempSync(join(tmpdir(), "dangan-soak-"));
  const dbUrl = new URL(TEST_POSTGRES_URL);
  dbUrl.pathname = `/${name}`;
  const out = o.out ?? join(tmpdir(), `dangan-soak-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await admin(`CREATE DATABASE ${name}`);
  let server: ServerProcess | null = null;
  let sampler: NodeJS.Timeout | undefined;
  try {
    server = await startServer(
      ["--demo", "--data-dir", dataDir, "--database-url", dbUrl.toString()],
      childEnv({ LOG_LEVEL: "warn" }),
    );
    const pid = server.child.pid!;
    const base = () => server!.url;
    const w = await setup(dbUrl.toString(), base);
    const pipelines = [0, 1, 2, 3].map((i) => new IntakePipeline(w, i));
    const setupSeconds = Math.round((Date.now() - started) / 1000);
    log(`setup done in ${setupSeconds} s (database ${name}, server pid ${pid}, ${w.itemIds.length} items)`);

    const results: Result[] = [];
    let intakeBusy = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const t0 = Date.now();
    const samples: { t: number; mb: number }[] = [{ t: 0, mb: rssMb(pid) }];
    sampler = setInterval(
      () => {
        samples.push({ t: (Date.now() - t0) / 1000, mb: rssMb(pid) });
        const last = samples.at(-1)!;
        if (samples.length % 12 === 0)
          log(
            `${Math.round(last.t)} s: ${results.length} answered, ${inFlight} in flight, RSS ${last.mb.toFixed(1)} MB`,
          );
      },
      (o.sampleSeconds ?? 5) * 1000,
    );

    const pick = (): Kind => {
      let x = rng();
      for (const k of KINDS) {
        x -= MIX[k];
        if (x < 0) return k;
      }
      return "search";
    };
    const readingValue = (mid: number, spread: number) =>
      Math.round((mid + (rng() - 0.5) * spread) * 10) / 10;
    const fire = (kind: Kind): Promise<Outcome> => {
      if (kind === "search") {
        const who = rng() < 0.7 ? w.s.officer : w.s.leader;
        const q = WORDS[Math.floor(rng() * WORDS.length)]!;
        const page = rng() < 0.8 ? 1 : 2;
        return who
          .get(`/api/catalogue-search/items?q=${encodeURIComponent(q)}&page=${page}&pageSize=20`)
          .then((r) => expect2xx(`search ${q}`, r));
      }
      if (kind === "use-request") {
        const n = 1 + Math.floor(rng() * 3);
        const itemIds = [
          ...new Set(Array.from({ length: n }, () => w.itemIds[Math.floor(rng() * w.itemIds.length)]!)),
        ];
        return w.s.officer
          .post("/api/use-requests", {
            projectId: w.projectId,
            mode: rng() < 0.8 ? "reading" : "remote_copy",
            userName: "档案员",
            purpose: "核对原件信息",
            priority: rng() < 0.9 ? "standard" : "rush",
            itemIds,
          })
          .then((r) => expect2xx("use request", r));
      }
      if (kind === "sensor") {
        const s = w.sensors[Math.floor(rng() * w.sensors.length)]!;
        s.last = Math.max(Date.now(), s.last + 1); // one reading per sensor and moment
        const at = new Date(s.last).toISOString();
        return fetch(`${base()}/api/sensor-ingest/readings`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-sensor-token": s.token },
          body: JSON.stringify({
            readings: [{ at, temperatureC: readingValue(20, 0.4), humidityPct: readingValue(52, 1), lux: 0 }],
          }),
        }).then(async (r) => {
          const body = (await r.json()) as Loose;
          if (r.status !== 200) return expect2xx("sensor", { status: r.status, body });
          return body.accepted === 1
            ? { ok: true }
            : { ok: false, note: `sensor reading not accepted: ${JSON.stringify(body)}` };
        });
      }
      const p = pipelines.find((x) => !x.busy);
      if (!p) {
        intakeBusy++;
        return fire("search");
      }
      p.busy = true;
      return p.tick().finally(() => {
        p.busy = false;
      });
    };

    const total = Math.round(o.rate * o.minutes * 60);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / o.rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      const kind = pick();
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      pending.push(
        fire(kind)
          .catch((e: unknown): Outcome => ({ ok: false, note: `${kind}: ${String(e)}` }))
          .then((r) => {
            inFlight--;
            results.push({ kind, ms: Date.now() - due, ok: r.ok, ...(r.note ? { note: r.note } : {}) });
          }),
      );
    }
    const sentSeconds = (Date.now() - t0) / 1000;
    await Promise.all(pending);
    clearInterval(sampler);
    samples.push({ t: (Date.now() - t0) / 1000, mb: rssMb(pid) });

    const stats = (rs: Result[]): Stats => {
      const ms = rs.map((r) => r.ms).sort((a, b) => a - b);
      return {
        count: rs.length,
        errors: rs.filter((r) => !r.ok).length,
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
        p99: percentile(ms, 99),
        max: ms.at(-1) ?? 0,
      };
    };
    const latencyMs = { all: stats(results) } as SoakSummary["latencyMs"];
    for (const k of KINDS) latencyMs[k] = stats(results.filter((r) => r.kind === k));
    const end = samples.at(-1)!.t;
    const secondHalf = samples.filter((x) => x.t >= end / 2).map((x) => ({ x: x.t / 60, y: x.mb }));
    const rate = slope(secondHalf);
    const round1 = (x: number) => Math.round(x * 10) / 10;
    const summary: SoakSummary = {
      date: new Date().toISOString(),
      rate: o.rate,
      minutes: o.minutes,
      seed,
      database: `postgres (${name}, dropped)`,
      databaseName: name,
      total: results.length,
      errors: results.filter((r) => !r.ok).length,
      errorSamples: results
        .filter((r) => !r.ok)
        .slice(0, 20)
        .map((r) => r.note ?? r.kind),
      achievedRate: round1(results.length / sentSeconds),
      maxInFlight,
      intakeBusy,
      intakeBatchesCompleted: pipelines.reduce((s, p) => s + p.completed, 0),
      latencyMs,
      rss: {
        samplesMb: samples.map((x) => ({ t: Math.round(x.t), mb: round1(x.mb) })),
        startMb: round1(samples[0]!.mb),
        endMb: round1(end ? samples.at(-1)!.mb : 0),
        maxMb: round1(Math.max(...samples.map((x) => x.mb))),
        slopeMbPerMinSecondHalf: Math.round(rate * 100) / 100,
        thresholdMbPerMin: FLAT_MB_PER_MIN,
        verdict: secondHalf.length < 6 ? "too short" : Math.abs(rate) < FLAT_MB_PER_MIN ? "flat" : "growing",
      },
      loadavg: { start: loadStart, end: loadavg().map((x) => Math.round(x * 100) / 100) },
      setupSeconds,
      seconds: Math.round((Date.now() - started) / 1000),
      out,
    };
    await server.stop();
    server = null;
    writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
    return summary;
  } finally {
    clearInterval(sampler);
    await server?.kill();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The summary as a few lines for the console. */
export function formatSummary(s: SoakSummary): string {
  const row = (k: string, x: Stats) =>
    `  ${k.padEnd(12)} ${String(x.count).padStart(6)} req  ${String(x.errors).padStart(3)} err  p50 ${x.p50} ms  p95 ${x.p95} ms  p99 ${x.p99} ms  max ${x.max} ms`;
  return [
    `soak ${s.date}: ${s.rate} req/s for ${s.minutes} min on ${s.database}`,
    `total ${s.total} requests (${s.achievedRate} req/s sent), errors ${s.errors}, max in flight ${s.maxInFlight}, intake batches completed ${s.intakeBatchesCompleted}, intake ticks searched instead ${s.intakeBusy}`,
    row("all", s.latencyMs.all),
    ...KINDS.map((k) => row(k, s.latencyMs[k])),
    `RSS start ${s.rss.startMb} MB, end ${s.rss.endMb} MB, max ${s.rss.maxMb} MB; slope over the second half ${s.rss.slopeMbPerMinSecondHalf} MB/min (flat below ${s.rss.thresholdMbPerMin}): ${s.rss.verdict}`,
    `load average start ${s.loadavg.start.join(" ")}, end ${s.loadavg.end.join(" ")}; setup ${s.setupSeconds} s, total ${s.seconds} s`,
    ...s.errorSamples.map((e) => `  error: ${e}`),
    `summary written to ${s.out}`,
  ].join("\n");
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv.includes("--out") ? arg("out", "") : undefined;
  const s = await runSoak({
    rate: Number(arg("rate", "20")),
    minutes: Number(arg("minutes", "10")),
    seed: Number(arg("seed", "7")),
    ...(out ? { out } : {}),
    log: (l) => console.log(`[soak] ${l}`),
  });
  console.log(formatSummary(s));
  process.exit(s.errors === 0 && s.rss.verdict !== "growing" ? 0 : 1);
}
