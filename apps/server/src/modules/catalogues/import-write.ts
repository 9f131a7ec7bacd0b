// The two ways an import lands (both ONE transaction with the catalogue row,
// the job's "succeeded" and the audit event): streamed — the file is checked
// while its rows COPY in, and any problem rolls everything back — or spooled —
// checked first, then INSERTed (embedded mode, or when forced).
import { randomUUID } from "node:crypto";
import type { CatalogueImport, DbHandle, Tx } from "@dangan/db";
import { type Actor, type AuditEventDraft, assertCustodyProject, assertProjectOpen } from "@dangan/domain";
import { auditActor, operatorNote } from "../../lib/audit-actor.ts";
import { SpoolWriter } from "./catalogue-spool.ts";
import { type ValidateInput, type ValidateResult, validateCatalogueFile } from "./catalogue-validate.ts";
import {
  CopySink,
  inImportTransaction,
  insertSpool,
  lockProjectCatalogues,
  openCopy,
  type WriteMethod,
} from "./catalogue-write.ts";
import type { LiveProgress } from "./import-runner.ts";
import { withdrawIn } from "./withdraw.ts";

/** Thrown inside the transaction when the file has problems: the rollback discards what was written. */
export class Refused extends Error {
  /** Not a broken session: the transaction just rolls back. */
  readonly code = "CATALOGUE_REFUSED";
  constructor(readonly result: ValidateResult) {
    super("catalogue refused");
  }
}

/** The write hit the unique index on (project, reference code): a code the project holds, or one taken meanwhile. */
export class WriteConflict extends Error {
  readonly code = "CATALOGUE_CONFLICT";
  constructor(readonly result: ValidateResult) {
    super("reference code already held");
  }
}

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === "23505";

type Check = Omit<ValidateInput, "sink">;
type Audit = { record(d: AuditEventDraft): void };

export interface WriteJob {
  job: CatalogueImport;
  actor: Actor;
  live: LiveProgress;
  check: Check;
  method: WriteMethod;
  spoolPath: string;
}

async function open(trx: Tx, audit: Audit, w: WriteJob, catalogueId: string) {
  const { job } = w;
  await lockProjectCatalogues(trx, job.projectId);
  const p = await trx
    .selectFrom("project")
    .select(["serviceType", "status"])
    .where("id", "=", job.projectId)
    .executeTakeFirstOrThrow();
  assertCustodyProject(p.serviceType);
  assertProjectOpen(p.status);
  if (job.replacesCatalogueId)
    await withdrawIn(trx, audit, w.actor, job.replacesCatalogueId, job.projectId, catalogueId);
  await trx
    .insertInto("handoverCatalogue")
    .values({
      id: catalogueId,
      projectId: job.projectId,
      clientOrgId: job.clientOrgId,
      agencyOrgId: job.agencyOrgId,
      title: job.title,
      level: job.level ?? "item",
      sourceName: job.sourceName,
      createdBy: w.actor.type === "user" ? w.actor.userId : null,
    })
    .execute();
}

async function close(
  trx: Tx,
  audit: Audit,
  w: WriteJob,
  catalogueId: string,
  r: ValidateResult,
  written: number,
) {
  const { job } = w;
  if (written !== r.rows) throw new Error(`wrote ${written} rows of ${r.rows}`);
  const level = r.validator.level;
  await trx
    .updateTable("handoverCatalogue")
    .set({
      level,
      rowCount: written,
      digest: r.digest,
      quantityTotal: r.quantityTotal,
      pagesTotal: r.pagesTotal,
    })
    .where("id", "=", catalogueId)
    .execute();
  const warnings = r.validator.ignored.map((header) => ({
    header,
    message: {
      zh: `列“${header}”不在目录格式中，未导入`,
      en: `Column "${header}" is not part of the catalogue; not imported`,
    },
  }));
  await trx
    .updateTable("catalogueImport")
    .set({
      status: "succeeded",
      catalogueId,
      rowsRead: r.validator.rows,
      rowsWritten: written,
      warnings: JSON.stringify(warnings) as never,
      detectedEncoding: r.encoding,
      finishedAt: new Date(),
    })
    .where("id", "=", job.id)
    .execute();
  audit.record({
    action: "catalogue.imported",
    entityType: "handover_catalogue",
    entityId: catalogueId,
    payload: {
      importId: job.id,
      projectId: job.projectId,
      title: job.title,
      level,
      sourceName: job.sourceName,
      rowCount: written,
      digest: r.digest,
      method: w.method,
      replaces: job.replacesCatalogueId,
      ...operatorNote(w.actor),
    },
    scopeOrgIds: [job.clientOrgId, job.agencyOrgId],
  });
}

/** Server: check and COPY at once inside the transaction. */
async function streamed(dbh: DbHandle, w: WriteJob): Promise<void> {
  const catalogueId = randomUUID();
  await inImportTransaction(dbh, auditActor(w.actor), async (trx, client, audit) => {
    await open(trx, audit, w, catalogueId);
    const ids = { catalogueId, projectId: w.job.projectId, clientOrgId: w.job.clientOrgId };
    const sink = new CopySink(openCopy(client), ids, (n) => {
      w.live.rowsWritten = n;
    });
    const r = await validateCatalogueFile({ ...w.check, sink });
    if (!r.validator.ok) throw new Refused(r);
    if (sink.failed) throw isUniqueViolation(sink.failed) ? new WriteConflict(r) : sink.failed;
    w.live.status = "writing";
    w.live.rowsWritten = r.rows;
    await close(trx, audit, w, catalogueId, r, r.rows);
  });
}

/** Embedded: check into a spool with the session free, then INSERT it in one transaction. */
async function spooled(
  dbh: DbHandle,
  w: WriteJob,
  beforeWrite: (r: ValidateResult) => Promise<void>,
): Promise<void> {
  const catalogueId = randomUUID();
  const ids = { catalogueId, projectId: w.job.projectId, clientOrgId: w.job.clientOrgId };
  const r = await validateCatalogueFile({ ...w.check, sink: new SpoolWriter(w.spoolPath, ids) });
  if (!r.validator.ok) throw new Refused(r);
  await beforeWrite(r);
  await inImportTransaction(dbh, auditActor(w.actor), async (trx, client, audit) => {
    await open(trx, audit, w, catalogueId);
    const written = await insertSpool(client, w.spoolPath, (n) => {
      w.live.rowsWritten = n;
    });
    await close(trx, audit, w, catalogueId, r, written);
  }).catch((e: unknown) => {
    throw isUniqueViolation(e) ? new WriteConflict(r) : e;
  });
}

export const writeImport = (dbh: DbHandle, w: WriteJob, beforeWrite: (r: ValidateResult) => Promise<void>) =>
  w.method === "copy" ? streamed(dbh, w) : spooled(dbh, w, beforeWrite);
