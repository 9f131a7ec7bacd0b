// A draft catalogue withdrawn by the client (or replaced by a corrected
// import): its rows are deleted so their reference codes are free again, and it
// stays on record as "superseded". A confirmed catalogue is frozen (D-8.2).
import type { Tx } from "@dangan/db";
import {
  type Actor,
  type AuditEventDraft,
  assertCatalogueDraft,
  DomainError,
  notFound,
} from "@dangan/domain";
import { operatorNote } from "../../lib/audit-actor.ts";

const inUse = () =>
  new DomainError({
    code: "CATALOGUE_IN_USE",
    status: 409,
    message: {
      zh: "目录条目已装箱登记，不能撤回",
      en: "Items of this catalogue are already packed into boxes; it cannot be withdrawn",
    },
  });

export async function withdrawIn(
  trx: Tx,
  audit: { record(d: AuditEventDraft): void },
  actor: Actor,
  catalogueId: string,
  projectId: string,
  replacedBy: string | null,
): Promise<void> {
  const c = await trx
    .selectFrom("handoverCatalogue")
    .select(["id", "projectId", "status", "clientOrgId", "agencyOrgId", "rowCount", "digest"])
    .where("id", "=", catalogueId)
    .forUpdate()
    .executeTakeFirst();
  if (!c || c.projectId !== projectId) throw notFound("handover_catalogue", catalogueId);
  assertCatalogueDraft(c.status);
  const packed = await trx
    .selectFrom("boxItem as b")
    .innerJoin("catalogueItem as i", "i.id", "b.itemId")
    .select("b.itemId")
    .where("i.catalogueId", "=", catalogueId)
    .limit(1)
    .executeTakeFirst();
  if (packed) throw inUse();
  await trx.deleteFrom("catalogueItem").where("catalogueId", "=", catalogueId).execute();
  await trx
    .updateTable("handoverCatalogue")
    .set({ status: "superseded", updatedAt: new Date() })
    .where("id", "=", catalogueId)
    .execute();
  audit.record({
    action: "catalogue.withdrawn",
    entityType: "handover_catalogue",
    entityId: catalogueId,
    payload: { rowCount: c.rowCount, digest: c.digest, replacedBy, ...operatorNote(actor) },
    scopeOrgIds: [c.clientOrgId, c.agencyOrgId],
  });
}
