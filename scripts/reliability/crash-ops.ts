// The work the crash harness interrupts, each driven through the HTTP API (or
// the CLI for a backup): start it, let it be killed, then retry it after the
// restart until it has succeeded — once, never twice.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Target } from "../../apps/cli/test/helpers.ts";
import { zip } from "../../apps/server/test/support/qc-archives.ts";
import { page } from "../../apps/server/test/support/qc-images.ts";
import { BIN, childEnv, type Loose, type Session } from "./server-process.ts";

export interface World {
  target: Target;
  work: string;
  users: Record<string, string>;
  projectId: string;
  qcBatchId: string;
  s: { officer: Session; manager: Session; keeper: Session; digit: Session };
  /** Set by the harness: stop the server gracefully (embedded backups need the folder). */
  stopServer(): Promise<void>;
}

export interface Op {
  name: "import" | "intake" | "qc" | "backup";
  /** Starts the work; rejects or resolves, it does not matter which, once the kill lands. */
  start(): Promise<unknown>;
  /** Processes to SIGKILL besides the server. */
  children: ChildProcess[];
  /** The retry runs with the server down (an embedded backup needs the data folder). */
  offline?: boolean;
  /** After the restart: finish the work, or confirm that it had finished. */
  retry(): Promise<void>;
}

const until = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 180_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 150));
  }
};
const ok = (what: string, r: { status: number; body: unknown }) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body as Loose;
};

// ---- catalogue import (D-8.3): all rows or none ---------------------------------------------

const unit = (k: number) =>
  `R${String.fromCharCode(65 + (Math.floor(k / 26) % 26))}${String.fromCharCode(65 + (k % 26))}`;
export function catalogueCsv(k: number, rows: number): Buffer {
  const head = "序号,档号,题名,盒号,件数,页数,年度,保管期限,门类,载体,密级";
  const body = Array.from({ length: rows }, (_, i) => {
    const n = String(i + 1).padStart(4, "0");
    return `${i + 1},Z109-WS·2011-Y-${unit(k)}-${n},关于第${k}批第${i + 1}号工作的通知,B${String(Math.ceil((i + 1) / 20)).padStart(3, "0")},1,${10 + (i % 7)},2011,永久,文书,纸质,`;
  });
  return Buffer.from(`${[head, ...body].join("\r\n")}\r\n`);
}

async function importJob(w: World, title: string) {
  const list = ok(
    "imports",
    await w.s.officer.get(`/api/projects/${w.projectId}/catalogue-imports?pageSize=100`),
  );
  return (list.items as { id: string; title: string; status: string; catalogueId: string | null }[]).filter(
    (j) => j.title === title,
  );
}

async function importAndWait(w: World, title: string, file: Buffer) {
  const q = `/api/projects/${w.projectId}/catalogue-imports?title=${encodeURIComponent(title)}`;
  const job = ok("upload", await w.s.officer.upload(q, `${title}.csv`, file));
  return until(`import ${title}`, async () => {
    const j = ok("job", await w.s.officer.get(`/api/catalogue-imports/${job.id}`));
    return ["succeeded", "refused", "failed"].includes(j.status) ? j : undefined;
  });
}

/** Imports `file` unless an earlier attempt already succeeded; returns the catalogue. */
async function ensureImported(w: World, title: string, file: Buffer): Promise<string> {
  const done = (await importJob(w, title)).find((j) => j.status === "succeeded");
  if (done) return done.catalogueId!;
  const j = await importAndWait(w, title, file);
  if (j.status !== "succeeded")
    throw new Error(`retried import ${title}: ${j.status} ${JSON.stringify(j.error)}`);
  return j.catalogueId;
}

export function importOp(w: World, k: number, rows: number): Op {
  const title = `崩溃测试目录${k}`;
  const file = catalogueCsv(k, rows);
  return {
    name: "import",
    children: [],
    start: () => importAndWait(w, title, file),
    retry: async () => {
      await ensureImported(w, title, file);
    },
  };
}

// ---- intake (D-7.2, D-8.1 – D-8.8, D-9.11): one step at a time --------------------------------

interface Detail {
  id: string;
  status: string;
  steps: { action: string }[];
  boxes: { id: string; sealNumber: string | null; inspectionId: string | null; locationId: string | null }[];
}
interface Unit {
  name: string;
  done(d: Detail): boolean;
  run(d: Detail): Promise<{ status: number; body: unknown }>;
}

/** The intake of one small catalogue, from creating the batch to shelving both boxes. */
export class IntakePlan {
  private n = 0;
  private next = 0;
  private batchId: string | null = null;
  private catalogueId: string | null = null;
  constructor(private readonly w: World) {}

  private get title() {
    return `崩溃测试入库批次${this.n}`;
  }

  private async detail(): Promise<Detail | null> {
    if (!this.batchId) {
      const list = ok("batches", await this.w.s.manager.get(`/api/intake/batches?pageSize=100`));
      this.batchId =
        (list.items as { id: string; title: string }[]).find((b) => b.title === this.title)?.id ?? null;
    }
    return this.batchId
      ? ok("batch", await this.w.s.manager.get(`/api/intake/batches/${this.batchId}`))
      : null;
  }

  private units(): Unit[] {
    const { s, users: u, projectId } = this.w;
    const both = [u["client.officer"]!, u["custody.manager"]!];
    const step = (action: string, body: object, by = s.manager): Unit => ({
      name: action,
      done: (d) => d.steps.some((x) => x.action === action),
      run: (d) => by.post(`/api/intake/batches/${d.id}/transitions`, { action, ...body }),
    });
    const items = async (d: Detail) =>
      (ok("items", await s.keeper.get(`/api/intake/batches/${d.id}/items`)).items as { id: string }[]).map(
        (i) => i.id,
      );
    const box = (i: number): Unit => ({
      name: `box ${i}`,
      done: (d) => d.boxes.length > i,
      run: async (d) =>
        s.keeper.post(`/api/intake/batches/${d.id}/boxes`, {
          kind: "transfer",
          carrier: "paper",
          itemIds: (await items(d)).slice(i * 3, i * 3 + 3),
        }),
    });
    const seal = (i: number): Unit => ({
      name: `seal ${i}`,
      done: (d) => !!d.boxes[i]?.sealNumber,
      run: (d) =>
        s.keeper.post(`/api/boxes/${d.boxes[i]!.id}/seal`, {
          sealNumber: `CR-${this.n}-${i}-${d.id.slice(0, 6)}`,
          outsideOk: true,
          witnessUserId: u["client.officer"],
        }),
    });
    const inspect = (i: number): Unit => ({
      name: `inspect ${i}`,
      done: (d) => !!d.boxes[i]?.inspectionId,
      run: (d) =>
        s.keeper.post(`/api/boxes/${d.boxes[i]!.id}/inspection`, {
          sealIntact: true,
          damaged: false,
          missingItemIds: [],
        }),
    });
    const shelve = (i: number): Unit => ({
      name: `shelve ${i}`,
      done: (d) => !!d.boxes[i]?.locationId,
      run: async (d) => {
        const locs = ok("locations", await s.keeper.get(`/api/intake/batches/${d.id}/locations`)).items as {
          id: string;
          capacity: number;
          held: number;
        }[];
        const free = locs.find((l) => l.capacity > l.held);
        if (!free) throw new Error("no free location for the crash harness's boxes");
        return s.keeper.post(`/api/boxes/${d.boxes[i]!.id}/shelve`, { locationId: free.id });
      },
    });
    return [
      {
        name: "create batch",
        done: (d) => !!d,
        run: () =>
          s.manager.post("/api/intake/batches", {
            projectId,
            title: this.title,
            catalogueIds: [this.catalogueId],
          }),
      },
      step("site_visit", { people: both }, s.officer),
      step("unshelve", {
        people: [...both, u["custody.keeper"]],
        counts: [{ catalogueId: this.catalogueId, counted: 6 }],
      }),
      step("check_condition", { people: both, findings: [] }),
      box(0),
      box(1),
      step("finish_boxing", { people: both }),
      seal(0),
      seal(1),
      step("load", {
        people: [...both, u["custody.keeper"]],
        transport: { by: "agency", vehicle: "沪D·C0001" },
      }),
      step("arrive", { people: [u["custody.keeper"], u["custody.keeper2"]] }),
      inspect(0),
      inspect(1),
      step("finish_inspection", { people: both }),
      step("skip_repacking", { people: [] }),
      shelve(0),
      shelve(1),
      step("complete", { people: [u["custody.keeper"], u["custody.keeper2"]] }, s.keeper),
    ];
  }

  /** A catalogue of six items for the batch, imported before the first step (not interrupted). */
  private async prepare() {
    if (this.catalogueId) return;
    this.catalogueId = await ensureImported(
      this.w,
      `崩溃测试入库目录${this.n}`,
      catalogueCsv(500 + this.n, 6),
    );
  }

  private async perform(u: Unit) {
    const d = await this.detail();
    if (u.done(d as Detail)) return;
    ok(u.name, await u.run(d as Detail));
  }

  op(): Op {
    return {
      name: "intake",
      children: [],
      start: async () => {
        await this.prepare();
        await this.perform(this.units()[this.next]!);
      },
      retry: async () => {
        await this.prepare();
        const u = this.units()[this.next]!;
        await this.perform(u);
        if (!u.done((await this.detail())!)) throw new Error(`intake ${u.name} did not take effect`);
        this.next++;
        if (this.next === this.units().length) {
          this.n++;
          this.next = 0;
          this.batchId = null;
          this.catalogueId = null;
        }
      },
    };
  }
}

// ---- digitization QC (Z-7.4): a delivery checked whole or not at all ---------------------------

const V = (n: number) => `Z109-KJ·2008-Y-JJ-000${n}`;
export async function qcDelivery(pages: number): Promise<Buffer> {
  const entries = [];
  const catalogue: string[] = [];
  for (let v = 1; v <= 3; v++) {
    catalogue.push(`${V(v)},${pages}`);
    for (let p = 1; p <= pages; p++)
      entries.push({
        name: `${V(v)}-${String(p).padStart(4, "0")}.tif`,
        data: await page({ seed: v * 100 + p }),
      });
  }
  entries.push({ name: "catalogue.csv", data: Buffer.from(`${catalogue.join("\n")}\n`) });
  return zip(entries);
}

export function qcOp(w: World, k: number, archive: Buffer): Op {
  const name = `crash-${k}.zip`;
  const mine = async () => {
    const r = ok(
      "deliveries",
      await w.s.digit.get(`/api/digitization-qc/deliveries?batchId=${w.qcBatchId}&pageSize=100`),
    );
    return (r.items as { id: string; sourceName: string; status: string }[]).filter(
      (d) => d.sourceName === name,
    );
  };
  const ingest = async () => {
    const d = ok(
      "delivery",
      await w.s.digit.upload(`/api/digitization-batches/${w.qcBatchId}/deliveries`, name, archive),
    );
    return until(`delivery ${name}`, async () => {
      const x = ok("delivery", await w.s.digit.get(`/api/digitization-qc/deliveries/${d.id}`));
      return ["checked", "failed"].includes(x.status) ? x : undefined;
    });
  };
  return {
    name: "qc",
    children: [],
    start: ingest,
    retry: async () => {
      if ((await mine()).some((d) => d.status === "checked")) return;
      const d = await ingest();
      if (d.status !== "checked")
        throw new Error(`retried delivery ${name}: ${d.status} ${JSON.stringify(d.error)}`);
    },
  };
}

// ---- backup (D-12.2): a file appears whole under its name, or not at all ----------------------

/** A backup file under its final name must be complete: it ends with its manifest. */
export function backupComplete(path: string): boolean {
  const lines = gunzipSync(readFileSync(path)).toString("utf8").trimEnd().split("\n");
  return JSON.parse(lines.at(-1)!).kind === "manifest";
}

export function backupOp(w: World, k: number): Op {
  const file = join(w.work, `crash-${k}.jsonl.gz`);
  const run = (children: ChildProcess[]) => {
    const child = spawn(process.execPath, [BIN, "backup", file, "--force", ...w.target.args], {
      env: childEnv(),
      stdio: ["ignore", "ignore", "pipe"],
    });
    children.push(child);
    let err = "";
    child.stderr!.on("data", (c: Buffer) => {
      err = (err + c.toString()).slice(-2000);
    });
    return new Promise<void>((resolve, reject) =>
      child.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`backup exit ${code}: ${err}`)),
      ),
    );
  };
  const op: Op = {
    name: "backup",
    children: [],
    offline: w.target.mode === "pglite",
    start: async () => {
      if (w.target.mode === "pglite") await w.stopServer(); // the embedded folder has one user at a time
      await run(op.children);
    },
    retry: async () => {
      if (existsSync(file) && !backupComplete(file))
        throw new Error(`${file} is incomplete under its final name`);
      await run([]);
      if (!backupComplete(file)) throw new Error(`${file} is incomplete after the retry`);
    },
  };
  return op;
}
