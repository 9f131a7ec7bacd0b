// Catalogue imports (D-8.3): the client uploads a file, which streams to disk
// (size limit from config) so the request returns at once; the in-process
// runner checks and writes it; the page polls the job. The CLI runs the same job.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  type Actor,
  assertCatalogueDraft,
  assertCustodyProject,
  assertProjectOpen,
  authorize,
  type CatalogueLevel,
  cataloguePolicy,
  notFound,
  projectRelation,
} from "@dangan/domain";
import { sql } from "kysely";
import type { Deps } from "../../context.ts";
import { pageOf } from "../../lib/page.ts";
import { tooLarge } from "../attachments/blob-store.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { formatOf } from "./catalogue-source.ts";
import type { CataloguesRepository } from "./catalogues.repository.ts";
import type { CatalogueEncoding } from "./file-encoding.ts";
import { importJob } from "./import-job.ts";
import { ImportRunner } from "./import-runner.ts";

export interface ImportOptions {
  title?: string | undefined;
  level?: CatalogueLevel | undefined;
  encoding?: CatalogueEncoding | undefined;
  replacesCatalogueId?: string | undefined;
}

const RUNNING = ["queued", "validating", "writing"] as const;

/** Beats well within the staleness after which another process fails the job (server mode). */
export const heartbeatMs = (staleSeconds: number) => Math.min(10_000, (staleSeconds * 1000) / 4);

async function saveUpload(source: Readable, path: string, max: number) {
  let size = 0;
  let head = Buffer.alloc(0);
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        size += chunk.length;
        if (size > max) throw tooLarge(max);
        if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8)]);
        yield chunk;
      }
    },
    createWriteStream(path, { mode: 0o600 }),
  );
  if ((source as Readable & { truncated?: boolean }).truncated) throw tooLarge(max);
  return { size, head };
}

async function fileHead(path: string): Promise<{ size: number; head: Buffer }> {
  const fh = await open(path, "r");
  try {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, 0);
    return { size: (await fh.stat()).size, head };
  } finally {
    await fh.close();
  }
}

export function catalogueImportsService(deps: Deps, projects: ProjectsService, repo: CataloguesRepository) {
  const { dbh, config } = deps;
  const db = dbh.db;
  const dir = config.catalogues.importDir;
  const runner = new ImportRunner(
    importJob(deps, repo),
    async (jobs) => {
      // Embedded: the one session is busy while a job writes; its heartbeat can wait.
      const ids = jobs.filter((j) => dbh.mode === "server" || j.live.status !== "writing").map((j) => j.id);
      if (ids.length)
        await db
          .updateTable("catalogueImport")
          .set({ heartbeatAt: new Date() })
          .where("id", "in", ids)
          .execute();
    },
    heartbeatMs(config.jobStaleSeconds),
  );

  /** The project, if the actor may import into it: 404 unreadable, 403 not the client's officer. */
  async function importable(actor: Actor, projectId: string) {
    const p = await projects.readable(actor, projectId);
    authorize(cataloguePolicy.import(actor, partiesOf(p)), "import a handover catalogue into this project");
    assertCustodyProject(p.serviceType);
    assertProjectOpen(p.status);
    return p;
  }

  async function createJob(
    actor: Actor,
    projectId: string,
    opts: ImportOptions,
    file: { name: string; path: string; size: number; head: Buffer },
  ) {
    const p = await importable(actor, projectId);
    if (opts.replacesCatalogueId) {
      const c = await repo.find(opts.replacesCatalogueId);
      if (!c || c.projectId !== projectId) throw notFound("handover_catalogue", opts.replacesCatalogueId);
      assertCatalogueDraft(c.status);
    }
    const format = formatOf(file.name, file.head);
    const title = opts.title?.trim() || file.name.replace(/\.[^.]+$/, "").slice(0, 200) || "交接目录";
    return db
      .insertInto("catalogueImport")
      .values({
        projectId,
        clientOrgId: p.clientOrgId,
        agencyOrgId: p.agencyOrgId,
        replacesCatalogueId: opts.replacesCatalogueId ?? null,
        title,
        level: opts.level ?? null,
        sourceName: file.name.slice(0, 255),
        sourceFormat: format,
        encoding: opts.encoding ?? "auto",
        sizeBytes: file.size,
        createdBy: actor.type === "user" ? actor.userId : null,
        heartbeatAt: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A job the actor may read: the client's own (404 when the project is not visible, 403 otherwise). */
  async function readableJob(actor: Actor, id: string) {
    const job = await repo.findImport(id);
    if (!job) throw notFound("catalogue_import", id);
    const p = await projects.readable(actor, job.projectId).catch(() => {
      throw notFound("catalogue_import", id);
    });
    const rel = projectRelation(actor, partiesOf(p));
    authorize(rel === "client" || rel === "system", "read the client's catalogue imports");
    return job;
  }

  /** A running job's progress comes from memory (in embedded mode its row is not writable while it writes). */
  const withLive = <
    T extends { id: string; status: string; rowsRead: number; rowsWritten: number; sizeBytes: number },
  >(
    job: T,
  ) => {
    const live = runner.live.get(job.id);
    const running = live && (RUNNING as readonly string[]).includes(job.status);
    return running ? { ...job, ...live } : { ...job, bytesRead: job.status === "queued" ? 0 : job.sizeBytes };
  };

  return {
    runner,
    importable,
    maxUploadBytes: config.catalogues.maxUploadBytes,

    /** HTTP: the upload streams to disk, the job is queued, the caller polls it. */
    async start(
      actor: Actor,
      projectId: string,
      opts: ImportOptions,
      file: { filename: string; stream: Readable },
    ) {
      await importable(actor, projectId);
      await mkdir(dir, { recursive: true });
      const tmp = join(dir, `upload-${randomBytes(8).toString("hex")}`);
      try {
        const { size, head } = await saveUpload(file.stream, tmp, config.catalogues.maxUploadBytes);
        const job = await createJob(actor, projectId, opts, { name: file.filename, path: tmp, size, head });
        const path = join(dir, `${job.id}.${job.sourceFormat}`);
        await rename(tmp, path);
        runner.enqueue({ jobId: job.id, actor, source: path, deleteSource: true });
        return withLive(job);
      } finally {
        await rm(tmp, { force: true });
      }
    },

    /** CLI: runs the job on the operator's file and resolves when it has ended. */
    async importFile(
      actor: Actor,
      projectId: string,
      opts: ImportOptions,
      path: string,
      name: string,
      onProgress?: (job: { status: string; rowsRead: number; rowsWritten: number }) => void,
    ) {
      const { size, head } = await fileHead(path);
      const job = await createJob(actor, projectId, opts, { name, path, size, head });
      await mkdir(dir, { recursive: true });
      runner.enqueue({ jobId: job.id, actor, source: path, deleteSource: false });
      const tick = setInterval(() => {
        const live = runner.live.get(job.id);
        if (live && onProgress) onProgress(live);
      }, 250);
      try {
        await runner.idle();
      } finally {
        clearInterval(tick);
      }
      return (await repo.findImport(job.id))!;
    },

    async job(actor: Actor, id: string) {
      return withLive(await readableJob(actor, id));
    },

    readableJob,

    async list(actor: Actor, projectId: string, page: number, pageSize: number) {
      const p = await projects.readable(actor, projectId);
      const rel = projectRelation(actor, partiesOf(p));
      authorize(rel === "client" || rel === "system", "read the client's catalogue imports");
      const { items, total } = await repo.imports(projectId, pageSize, (page - 1) * pageSize);
      return pageOf(items.map(withLive), total, page, pageSize);
    },

    /** At start-up: jobs of a process that died are failed (their transaction rolled back). */
    async recover(): Promise<string[]> {
      let q = db
        .updateTable("catalogueImport")
        .set({
          status: "failed",
          error: {
            code: "IMPORT_INTERRUPTED",
            message: {
              zh: "导入因服务停止而中断，未导入任何条目，请重新导入",
              en: "The import was interrupted when the service stopped; nothing was imported — import again",
            },
          },
          finishedAt: new Date(),
        })
        .where("status", "in", RUNNING);
      // Embedded: the data folder is locked to this process, so every running job is dead.
      if (dbh.mode === "server")
        q = q.where((eb) =>
          eb.or([
            eb("heartbeatAt", "is", null),
            eb("heartbeatAt", "<", sql<Date>`now() - make_interval(secs => ${config.jobStaleSeconds})`),
          ]),
        );
      const ids = (await q.returning("id").execute()).map((r) => r.id);
      for (const id of ids)
        for (const ext of ["csv", "xlsx", "spool"]) await rm(join(dir, `${id}.${ext}`), { force: true });
      return ids;
    },

    shutdown: () => runner.shutdown(),
    idle: () => runner.idle(),
  };
}

export type CatalogueImportsService = ReturnType<typeof catalogueImportsService>;
