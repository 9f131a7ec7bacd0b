// One import job from start to end: checked and written (import-write.ts), or
// refused with every problem, or failed — recorded on the job row. The job says
// "succeeded" only in the transaction that wrote the rows.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { inTransaction } from "@dangan/db";
import { type CatalogueProblem, catalogueRefusal, DomainError, isDomainError } from "@dangan/domain";
import { sql } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import type { ValidateResult } from "./catalogue-validate.ts";
import { writeMethodFor } from "./catalogue-write.ts";
import type { CataloguesRepository } from "./catalogues.repository.ts";
import type { CatalogueEncoding } from "./file-encoding.ts";
import { reportHeld } from "./held-lookups.ts";
import type { LiveProgress, QueuedImport } from "./import-runner.ts";
import { Refused, WriteConflict, writeImport } from "./import-write.ts";

export const interrupted = () =>
  new DomainError({
    code: "IMPORT_INTERRUPTED",
    status: 503,
    message: {
      zh: "导入因服务停止而中断，未导入任何条目，请重新导入",
      en: "The import was interrupted when the service stopped; nothing was imported — import again",
    },
  });

const raced = (): CatalogueProblem => ({
  row: 0,
  column: "referenceCode",
  header: null,
  code: "duplicate_held",
  clause: "D-8.3",
  message: {
    zh: "导入期间本项目另一份目录登记了相同档号，请重新导入以查看具体行",
    en: "Another catalogue of this project took some of these reference codes meanwhile; import again to see which rows",
  },
});

/** Shanghai's calendar year: a catalogue lists archives that already exist. */
const currentYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

export function importJob(deps: Deps, repo: CataloguesRepository) {
  const { dbh, config } = deps;
  const db = dbh.db;

  async function refuse(
    q: QueuedImport,
    result: ValidateResult | null,
    problems: CatalogueProblem[],
    total: number,
    classified: number,
  ) {
    const job = await db
      .selectFrom("catalogueImport")
      .selectAll()
      .where("id", "=", q.jobId)
      .executeTakeFirstOrThrow();
    problems.sort((a, b) => a.row - b.row); // by row, in the order found within a row
    const refusal = catalogueRefusal(problems, total, classified);
    const warnings = (result?.validator.ignored ?? []).map((header) => ({
      header,
      message: {
        zh: `列“${header}”不在目录格式中，未导入`,
        en: `Column "${header}" is not part of the catalogue; not imported`,
      },
    }));
    await inTransaction(db, auditActor(q.actor), async (trx, audit) => {
      await trx
        .updateTable("catalogueImport")
        .set({
          status: "refused",
          rowsRead: result?.validator.rows ?? job.rowsRead,
          problemCount: total,
          classifiedCount: classified,
          problems: JSON.stringify(problems) as never,
          warnings: JSON.stringify(warnings) as never,
          detectedEncoding: result?.encoding ?? null,
          error: { code: refusal.code, message: refusal.messages },
          finishedAt: new Date(),
        })
        .where("id", "=", job.id)
        .execute();
      audit.record({
        action: "catalogue.import_refused",
        entityType: "project",
        entityId: job.projectId,
        payload: {
          importId: job.id,
          sourceName: job.sourceName,
          code: refusal.code,
          clause: refusal.clause,
          problemCount: total,
          classifiedCount: classified,
          ...operatorNote(q.actor),
        },
        scopeOrgIds: [job.clientOrgId],
      });
    });
  }

  async function fail(jobId: string, error: unknown) {
    const e = isDomainError(error)
      ? { code: error.code, message: error.messages }
      : {
          code: "IMPORT_FAILED",
          message: {
            zh: "导入失败，未导入任何条目",
            en: `The import failed; nothing was imported (${String((error as Error)?.message ?? error).slice(0, 200)})`,
          },
        };
    await db
      .updateTable("catalogueImport")
      .set({ status: "failed", error: e, finishedAt: new Date() })
      .where("id", "=", jobId)
      .execute()
      .catch(() => {}); // the database itself may be what failed; start-up recovery marks it then
  }

  return async function run(q: QueuedImport, live: LiveProgress, aborted: () => boolean): Promise<void> {
    const job = await db
      .updateTable("catalogueImport")
      .set({ status: "validating", startedAt: new Date(), heartbeatAt: new Date() })
      .where("id", "=", q.jobId)
      .where("status", "=", "queued")
      .returningAll()
      .executeTakeFirst();
    if (!job) return;
    live.status = "validating";
    const spoolPath = join(config.catalogues.importDir, `${job.id}.spool`);
    const except = job.replacesCatalogueId;
    const heldOf = (codes: string[]) => repo.heldCodes(job.projectId, except, codes);
    try {
      const check = {
        path: q.source,
        format: job.sourceFormat,
        encoding: job.encoding as CatalogueEncoding,
        level: job.level ?? undefined,
        currentYear: currentYear(),
        onRows: (n: number) => {
          live.rowsRead = n;
        },
        onBytes: (n: number) => {
          live.bytesRead += n;
        },
        checkAborted: () => {
          if (aborted()) throw interrupted();
        },
        maxRows: config.catalogues.maxRows,
        limits: config.catalogues,
      };
      const method = writeMethodFor(dbh, config.catalogues.writeMethod);
      await writeImport(dbh, { job, actor: q.actor, live, check, method, spoolPath }, async (r) => {
        live.status = "writing";
        await db
          .updateTable("catalogueImport")
          .set({
            status: "writing",
            rowsRead: r.validator.rows,
            detectedEncoding: r.encoding,
            heartbeatAt: new Date(),
          })
          .where("id", "=", job.id)
          .execute();
        if (aborted()) throw interrupted();
      });
      // Fresh statistics for the planner and the search's plan choice
      // (catalogue-search/title-plan.ts): PGlite has no autovacuum to gather them.
      await sql`ANALYZE catalogue_item`.execute(db).catch(() => {});
    } catch (error) {
      if (error instanceof Refused || error instanceof WriteConflict) {
        // Name the rows whose codes the project already holds; none, on a conflict, means a race.
        const v = error.result.validator;
        const found = await reportHeld(v, heldOf);
        if (error instanceof WriteConflict && found === 0) await refuse(q, error.result, [raced()], 1, 0);
        else await refuse(q, error.result, v.problems.items, v.problems.total, v.problems.classified);
      } else if ((error as { code?: string }).code === "23505") await refuse(q, null, [raced()], 1, 0);
      else await fail(q.jobId, error);
    } finally {
      await rm(spoolPath, { force: true });
      if (q.deleteSource) await rm(q.source, { force: true });
    }
  };
}
