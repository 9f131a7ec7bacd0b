// Written grants (D-10.2, D-10.3, D-10.5, D-10.7): the client drafts who may use
// which items in which ways, issues the grant by confirming its SM3 digest
// (a signed confirmation, so it is the client's own word) and may revoke it.
// A list is frozen when drafted; a catalogue query is resolved at issue.
import { type Database, inTransaction } from "@dangan/db";
import {
  type Actor,
  authorize,
  conflict,
  DomainError,
  GRANT_DOCUMENT_KIND,
  type GrantDraftInput,
  grantDigest,
  grantInForce,
  grantQuerySchema,
  maskIdNumber,
  notFound,
  policy,
  retrievalPolicy,
} from "@dangan/domain";
import type { Kysely } from "kysely";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { type GrantFilter, type GrantRow, grantsRepository } from "./grants.repository.ts";

const EMPTY_QUERY = () =>
  new DomainError({
    code: "GRANT_SCOPE_EMPTY",
    status: 422,
    clause: "D-10.5",
    message: { zh: "授权范围内没有任何档案", en: "The grant's scope matches no archives" },
  });

export function grantsService(
  { dbh: { db } }: Deps,
  projects: ProjectsService,
  confirmations: ConfirmationsService,
) {
  const repo = grantsRepository(db);

  /** The grant, or NOT_FOUND for anyone not a party to it. */
  async function load(actor: Actor, id: string, ex: Kysely<Database> = db): Promise<GrantRow> {
    const g = await repo.find(id, ex);
    if (!g || !retrievalPolicy.readGrant(actor, g)) throw notFound("written grant", id);
    return g;
  }

  /** What a reader sees: ID numbers masked unless the reader is the client. */
  const present = (actor: Actor, g: GrantRow, at = new Date()) => {
    const own = actor.type === "system" || actor.orgId === g.clientOrgId;
    const refusal =
      g.status === "draft" ? undefined : grantInForce({ ...viewOf(g), confirmedByClient: true }, at);
    return {
      ...g,
      granteeIdNumber: own ? g.granteeIdNumber : maskIdNumber(g.granteeIdNumber),
      itemCount: Number(g.itemCount),
      boxCount: Number(g.boxCount),
      inForce: g.status === "issued" && !refusal,
      permissions: {
        issue: g.status === "draft" && retrievalPolicy.manageGrants(actor, g.clientOrgId),
        revoke: g.status === "issued" && retrievalPolicy.manageGrants(actor, g.clientOrgId),
      },
    };
  };
  const viewOf = (g: GrantRow) => ({
    id: g.id,
    status: g.status,
    confirmedByClient: false,
    modes: g.modes,
    validFrom: g.validFrom,
    validTo: g.validTo,
    itemIds: new Set<string>(),
    boxIds: new Set<string>(),
  });

  return {
    repo,
    load,

    async list(actor: Actor, f: GrantFilter, page: number, pageSize: number) {
      const r = await repo.page(actor, f, page, pageSize);
      return pageOf(
        r.items.map((g) => present(actor, g)),
        r.total,
        page,
        pageSize,
      );
    },

    async get(actor: Actor, id: string) {
      const g = await load(actor, id);
      const items = await db
        .selectFrom("writtenGrantItem as gi")
        .leftJoin("catalogueItem as i", "i.id", "gi.itemId")
        .leftJoin("box as b", "b.id", "gi.boxId")
        .select(["gi.itemId", "gi.boxId", "i.referenceCode", "i.title", "i.year", "b.boxNo"])
        .where("gi.grantId", "=", id)
        .orderBy("b.boxNo")
        .orderBy("i.referenceCode")
        .limit(1000)
        .execute();
      return { ...present(actor, g), items };
    },

    async draft(actor: Actor, input: GrantDraftInput) {
      const p = await projects.repo.find(input.projectId);
      if (!p || !policy.readProject(actor, partiesOf(p))) throw notFound("project", input.projectId);
      authorize(retrievalPolicy.manageGrants(actor, p.clientOrgId), "issue written grants for this project");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const list = input.scope.kind === "list" ? input.scope : { itemIds: [], boxIds: [] };
        const [items, boxes] = await Promise.all([
          list.itemIds.length
            ? trx
                .selectFrom("catalogueItem")
                .select("id")
                .where("id", "in", list.itemIds)
                .where("projectId", "=", p.id)
                .execute()
            : [],
          list.boxIds.length
            ? trx
                .selectFrom("box")
                .select("id")
                .where("id", "in", list.boxIds)
                .where("projectId", "=", p.id)
                .execute()
            : [],
        ]);
        if (items.length !== new Set(list.itemIds).size || boxes.length !== new Set(list.boxIds).size)
          throw notFound("catalogue item or box");
        const g = await trx
          .insertInto("writtenGrant")
          .values({
            grantNo: await repo.nextNo(trx),
            projectId: p.id,
            clientOrgId: p.clientOrgId,
            agencyOrgId: p.agencyOrgId,
            granteeKind: input.granteeKind,
            granteeName: input.granteeName,
            granteeIdKind: input.granteeIdKind ?? null,
            granteeIdNumber: input.granteeIdNumber ?? null,
            granteeOrgId: input.granteeOrgId ?? null,
            modes: input.modes,
            purpose: input.purpose,
            scopeKind: input.scope.kind,
            scopeQuery: input.scope.kind === "query" ? JSON.stringify(input.scope.query) : null,
            validFrom: input.validFrom,
            validTo: input.validTo,
            createdBy: actor.type === "user" ? actor.userId : null,
          })
          .returning(["id", "grantNo"])
          .executeTakeFirstOrThrow();
        const rows = [
          ...items.map((i) => ({ grantId: g.id, itemId: i.id, boxId: null })),
          ...boxes.map((b) => ({ grantId: g.id, itemId: null, boxId: b.id })),
        ];
        if (rows.length) await trx.insertInto("writtenGrantItem").values(rows).execute();
        audit.record({
          action: "grant.drafted",
          entityType: "written_grant",
          entityId: g.id,
          payload: {
            grantNo: g.grantNo,
            projectId: p.id,
            grantee: { kind: input.granteeKind, name: input.granteeName, orgId: input.granteeOrgId ?? null },
            modes: input.modes,
            scope: input.scope.kind,
            items: items.length,
            boxes: boxes.length,
            validFrom: input.validFrom,
            validTo: input.validTo,
          },
          scopeOrgIds: [p.clientOrgId, p.agencyOrgId],
        });
        return g;
      });
    },

    /** Freezes the scope, computes the digest and signs it for the client. */
    async issue(actor: Actor, id: string) {
      const g = await load(actor, id);
      authorize(retrievalPolicy.manageGrants(actor, g.clientOrgId), "issue this written grant");
      if (actor.type !== "user") throw new Error("a grant is issued by a person of the client");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const cur = await trx
          .selectFrom("writtenGrant")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (cur.status !== "draft")
          throw conflict("GRANT_NOT_DRAFT", {
            zh: "该授权已签发或已撤销",
            en: "This grant is already issued or revoked",
          });
        if (cur.scopeKind === "query") {
          const ids = await repo.matching(trx, cur.projectId, grantQuerySchema.parse(cur.scopeQuery ?? {}));
          if (ids.length > 5000)
            throw new DomainError({
              code: "GRANT_SCOPE_TOO_LARGE",
              status: 422,
              clause: "D-10.5",
              message: {
                zh: "授权范围超过 5000 件，请缩小检索条件",
                en: "The scope exceeds 5,000 items; narrow the query",
              },
            });
          if (ids.length)
            await trx
              .insertInto("writtenGrantItem")
              .values(ids.map((itemId) => ({ grantId: id, itemId, boxId: null })))
              .execute();
        }
        const rows = await repo.items(id, trx);
        if (rows.length === 0) throw EMPTY_QUERY();
        const digest = grantDigest({
          grantNo: cur.grantNo,
          projectId: cur.projectId,
          clientOrgId: cur.clientOrgId,
          grantee: {
            kind: cur.granteeKind,
            name: cur.granteeName,
            idKind: cur.granteeIdKind,
            idNumber: cur.granteeIdNumber,
            orgId: cur.granteeOrgId,
          },
          modes: cur.modes,
          purpose: cur.purpose,
          validFrom: cur.validFrom,
          validTo: cur.validTo,
          itemIds: rows.flatMap((r) => (r.itemId ? [r.itemId] : [])),
          boxIds: rows.flatMap((r) => (r.boxId ? [r.boxId] : [])),
        });
        const conf = await confirmations.signIn(trx, actor, {
          entityType: "written_grant",
          entityId: id,
          documentKind: GRANT_DOCUMENT_KIND,
          documentDigest: digest,
        });
        const now = new Date();
        await trx
          .updateTable("writtenGrant")
          .set({ status: "issued", digest, issuedBy: actor.userId, issuedAt: now, updatedAt: now })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: "grant.issued",
          entityType: "written_grant",
          entityId: id,
          payload: { grantNo: cur.grantNo, digest, confirmationId: conf.id, items: rows.length },
          scopeOrgIds: [cur.clientOrgId, cur.agencyOrgId],
        });
        return { id, status: "issued" as const, digest, confirmationId: conf.id };
      });
    },

    /** D-10.2: the client withdraws its consent; requests citing it are refused from now on. */
    async revoke(actor: Actor, id: string, reason: string) {
      const g = await load(actor, id);
      authorize(retrievalPolicy.manageGrants(actor, g.clientOrgId), "revoke this written grant");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const now = new Date();
        const r = await trx
          .updateTable("writtenGrant")
          .set({
            status: "revoked",
            revokeReason: reason,
            revokedAt: now,
            revokedBy: actor.type === "user" ? actor.userId : null,
            updatedAt: now,
          })
          .where("id", "=", id)
          .where("status", "<>", "revoked")
          .returning("grantNo")
          .executeTakeFirst();
        if (!r) throw conflict("GRANT_REVOKED", { zh: "该授权已撤销", en: "This grant is already revoked" });
        audit.record({
          action: "grant.revoked",
          entityType: "written_grant",
          entityId: id,
          payload: { grantNo: r.grantNo, reason },
          scopeOrgIds: [g.clientOrgId, g.agencyOrgId],
        });
        return { id, status: "revoked" as const };
      });
    },
  };
}
export type GrantsService = ReturnType<typeof grantsService>;
