// Deliveries of a batch (Z-7.4): the agency hands in a folder (CLI) or an
// uploaded zip/tar archive (API, streamed to disk, unpacked safely), with a
// catalogue (a file, catalogue.csv in the archive, or the batch's volumes);
// the check runs as a job whose progress the page polls.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertDigitizationActive,
  DomainError,
  parseQcCatalogue,
  type QcCatalogueEntry,
  type QcDeliveryPurpose,
  qcPermissions,
  qcPolicy,
  readScope,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { tooLarge } from "../attachments/blob-store.ts";
import type { QcScreening } from "../page-intelligence/qc-screening.ts";
import { unpack } from "./engine/archive.ts";
import { FixityPool } from "./engine/fixity.ts";
import type { QcRepository } from "./qc.repository.ts";
import { type QcAccess, scopeOf, userIdOf } from "./qc-access.ts";
import { qcJob } from "./qc-job.ts";
import { QcRunner } from "./qc-runner.ts";

export interface IngestOptions {
  purpose?: QcDeliveryPurpose | undefined;
  /** Catalogue text ("reference code, expected pages" per line); the batch's volumes when absent. */
  catalogue?: string | undefined;
}

const RUNNING = ["queued", "checking"] as const;

async function saveUpload(source: Readable, path: string, max: number) {
  let size = 0;
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > max) throw tooLarge(max);
        yield chunk;
      }
    },
    createWriteStream(path, { mode: 0o600 }),
  );
  if ((source as Readable & { truncated?: boolean }).truncated) throw tooLarge(max);
  return size;
}

export function qcDeliveriesService(
  deps: Deps,
  repo: QcRepository,
  access: QcAccess,
  screening: QcScreening,
) {
  const db = deps.dbh.db;
  const cfg = deps.config.digitizationQc;
  let pool: FixityPool | null = null;
  const poolOf = () => {
    pool ??= new FixityPool();
    return pool;
  };
  const runner = new QcRunner(qcJob(deps, repo, poolOf, screening));

  async function ingestable(actor: Actor, batchId: string) {
    const r = await access.batch(actor, batchId, {
      allowed: qcPolicy.ingest,
      doing: "hand in deliveries for this batch",
    });
    assertDigitizationActive(r.p, "Z-7.4");
    return r;
  }

  /** The batch's own volumes, with a catalogue file's page counts over them when one is given (Z-7.3 stops kept). */
  async function catalogueFor(batchId: string, text: string | undefined) {
    const batch = await repo.batchCatalogue(batchId);
    if (text === undefined) return { entries: batch, source: "batch" as const };
    const byCode = new Map(batch.map((b) => [b.referenceCode, b]));
    const entries: QcCatalogueEntry[] = parseQcCatalogue(text).map((e) => {
      const v = byCode.get(e.referenceCode);
      return { ...e, volumeId: v?.volumeId ?? null, status: v?.status ?? null };
    });
    return { entries, source: "file" as const };
  }

  async function create(
    actor: Actor,
    batchId: string,
    src: { kind: "folder" | "zip" | "tar"; name: string; dir: string; id?: string },
    opts: IngestOptions,
  ) {
    const { b, p } = await ingestable(actor, batchId);
    const catalogue = await catalogueFor(batchId, opts.catalogue);
    const terms = await access.terms(p.id);
    const seq = await repo.nextSeq(batchId);
    const d = await inTransaction(db, auditActor(actor), async (trx, audit) => {
      const row = await trx
        .insertInto("digitizationDelivery")
        .values({
          ...(src.id ? { id: src.id } : {}),
          projectId: p.id,
          batchId,
          seq,
          purpose: opts.purpose ?? "preservation",
          sourceKind: src.kind,
          sourceName: src.name.slice(0, 255),
          storageDir: src.dir,
          catalogue: JSON.stringify(catalogue.entries) as never,
          catalogueSource: catalogue.source,
          terms: terms as unknown as Record<string, unknown>,
          createdBy: userIdOf(actor),
          heartbeatAt: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      audit.record({
        action: "digitization_delivery.ingested",
        entityType: "digitization_batch",
        entityId: batchId,
        payload: {
          deliveryId: row.id,
          batchCode: b.code,
          seq,
          source: src.kind,
          sourceName: row.sourceName,
          catalogue: catalogue.source,
          volumes: catalogue.entries.length,
          ...operatorNote(actor),
        },
        scopeOrgIds: scopeOf(p),
      });
      return row;
    });
    runner.enqueue({ deliveryId: d.id, actor });
    return d;
  }

  const withLive = <T extends { id: string; status: string; totalFiles: number; processedFiles: number }>(
    d: T,
  ) => {
    const live = runner.live.get(d.id);
    return live && (RUNNING as readonly string[]).includes(d.status) ? { ...d, ...live } : d;
  };

  return {
    runner,
    maxUploadBytes: cfg.maxUploadBytes,
    /** Where deliveries are unpacked (and the demo's pages are written). */
    dir: cfg.dir,
    ingestable,

    /** CLI: checks the operator's folder where it is and resolves when the job has ended. */
    async ingestFolder(
      actor: Actor,
      batchId: string,
      dir: string,
      opts: IngestOptions,
      onProgress?: (p: { processedFiles: number; totalFiles: number }) => void,
    ) {
      const full = resolve(dir);
      if (!(await stat(full).catch(() => null))?.isDirectory())
        throw new DomainError({
          code: "FOLDER_NOT_FOUND",
          status: 400,
          message: { zh: `找不到目录 ${dir}`, en: `No folder ${dir}` },
        });
      const d = await create(actor, batchId, { kind: "folder", name: basename(full), dir: full }, opts);
      const tick = setInterval(() => {
        const live = runner.live.get(d.id);
        if (live && onProgress) onProgress(live);
      }, 250);
      try {
        await runner.idle();
      } finally {
        clearInterval(tick);
      }
      return (await repo.find(d.id))!;
    },

    /** API: the archive streams to disk, is unpacked (refusing unsafe entries) and queued; answers at once. */
    async ingestArchive(
      actor: Actor,
      batchId: string,
      file: { filename: string; stream: Readable },
      opts: IngestOptions,
    ) {
      await ingestable(actor, batchId);
      await mkdir(cfg.dir, { recursive: true });
      const id = crypto.randomUUID();
      const tmp = join(cfg.dir, `upload-${randomBytes(8).toString("hex")}`);
      const dir = join(cfg.dir, id);
      try {
        await saveUpload(file.stream, tmp, cfg.maxUploadBytes);
        await unpack(tmp, dir, cfg);
        const inside = await readFile(join(dir, "catalogue.csv"), "utf8").catch(() => undefined);
        const kind = /\.zip$/i.test(file.filename) ? "zip" : "tar";
        return withLive(
          await create(
            actor,
            batchId,
            { kind, name: file.filename, dir, id },
            { ...opts, catalogue: opts.catalogue ?? inside },
          ),
        );
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      } finally {
        await rm(tmp, { force: true });
      }
    },

    async list(
      actor: Actor,
      f: { projectId?: string; batchId?: string; status?: string },
      page: number,
      pageSize: number,
    ) {
      const { items, total } = await repo.list(readScope(actor), f, pageSize, (page - 1) * pageSize);
      return pageOf(items.map(withLive), total, page, pageSize);
    },

    async get(actor: Actor, id: string) {
      const { d, p } = await access.delivery(actor, id);
      const { storageDir: _dir, ...rest } = d;
      const [volumeResults, corrections] = await Promise.all([
        repo.deliveryResults(id),
        repo.corrections(id),
      ]);
      return {
        ...withLive(rest),
        project: { id: p.id, code: p.code, name: p.name, status: p.status },
        volumeResults,
        corrections,
        permissions: qcPermissions(actor, p.parties),
      };
    },

    async files(
      actor: Actor,
      id: string,
      f: { ruleId?: string; outcome?: string; q?: string },
      page: number,
      pageSize: number,
    ) {
      await access.delivery(actor, id);
      const { items, total } = await repo.files(id, f, pageSize, (page - 1) * pageSize);
      const results = await repo.resultsOf(items.map((i) => i.id));
      const byFile = new Map<string, typeof results>();
      for (const r of results) byFile.set(r.fileId!, [...(byFile.get(r.fileId!) ?? []), r]);
      return pageOf(
        items.map((i) => ({ ...i, results: byFile.get(i.id) ?? [] })),
        total,
        page,
        pageSize,
      );
    },

    /** At start-up: checks of a process that stopped are marked failed. */
    async recover(): Promise<string[]> {
      const rows = await db
        .updateTable("digitizationDelivery")
        .set({
          status: "failed",
          error: {
            code: "QC_INTERRUPTED",
            message: {
              zh: "质检因服务停止而中断，请重新提交成果",
              en: "The check was interrupted when the service stopped; hand the delivery in again",
            },
          },
          finishedAt: new Date(),
        })
        .where("status", "in", RUNNING)
        .where((eb) =>
          deps.dbh.mode === "server"
            ? eb.or([
                eb("heartbeatAt", "is", null),
                eb("heartbeatAt", "<", new Date(Date.now() - deps.config.jobStaleSeconds * 1000)),
              ])
            : eb.val(true),
        )
        .returning("id")
        .execute();
      return rows.map((r) => r.id);
    },

    idle: () => runner.idle(),
    async shutdown() {
      await runner.shutdown();
      await pool?.close();
      pool = null;
    },
  };
}
export type QcDeliveriesService = ReturnType<typeof qcDeliveriesService>;
