// Z-6.3, Z-8.1: handover lists by volume and item, confirmed by both sides
// (each signs the list's SM3 digest); to_agency hands the originals over,
// to_client returns them. The client checks the return volume by volume
// against the to_agency list and then closes that handover.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertDigitizationActive,
  assertListable,
  assertReturnClosable,
  DomainError,
  evaluateOriginalsReturn,
  HANDOVER_DOCUMENT_KIND,
  type HandoverListInput,
  handoverDigest,
  notFound,
  originalsPermissions,
  originalsPolicy,
  policy,
  type ReturnCheckInput,
  VOLUME_CONDITION_LABELS,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import { handoverListPdf } from "./handover-pdf.ts";
import { chainFacts, type OriginalsRepository, volumeFacts } from "./originals.repository.ts";
import { type OriginalsProject, scopeOf, userIdOf } from "./originals-context.ts";
import { returnOpenPoints } from "./return-open-points.ts";

const ENTITY = "digitization_handover_list";

export function handoversService(
  { dbh: { db } }: Deps,
  project: OriginalsProject,
  repo: OriginalsRepository,
  confirmations: ConfirmationsService,
) {
  const listOf = async (actor: Actor, listId: string, trx = db, lock = false) => {
    let q = trx.selectFrom("digitizationHandoverList").selectAll().where("id", "=", listId);
    if (lock) q = q.forUpdate();
    const l = await q.executeTakeFirst();
    if (!l) throw notFound("handover list", listId);
    const p = await project(actor, l.projectId, trx).catch(() => {
      throw notFound("handover list", listId);
    });
    return { l, p };
  };

  const lines = (listId: string, trx = db) =>
    trx
      .selectFrom("digitizationHandoverLine as l")
      .innerJoin("digitizationVolume as v", "v.id", "l.volumeId")
      .select(["l.volumeId", "v.referenceCode", "v.title", "l.itemCount", "l.pages", "l.quality", "l.note"])
      .where("l.listId", "=", listId)
      .orderBy("v.referenceCode")
      .execute();

  return {
    /** Z-6.3: draws up a list; both sides then confirm its digest. */
    async create(actor: Actor, projectId: string, input: HandoverListInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const p = await project(actor, projectId, trx, {
          allowed: originalsPolicy.draftHandover,
          doing: "draw up handover lists",
        });
        assertDigitizationActive(p, input.direction === "to_agency" ? "Z-6.3" : "Z-8.1");
        const ids = input.lines.map((l) => l.volumeId);
        const vols = await repo.lockedVolumes(trx, projectId, ids);
        if (vols.length !== new Set(ids).size) throw notFound("volume");
        const [pending, returned] = await Promise.all([
          trx
            .selectFrom("digitizationHandoverLine as l")
            .innerJoin("digitizationHandoverList as h", "h.id", "l.listId")
            .select("l.volumeId")
            .where("h.status", "=", "pending")
            .where("h.direction", "=", input.direction)
            .where("l.volumeId", "in", ids)
            .execute(),
          trx
            .selectFrom("digitizationCondition")
            .select(["volumeId", "condition"])
            .where("stage", "=", "return")
            .where("volumeId", "in", ids)
            .execute(),
        ]);
        const onPending = new Set(pending.map((x) => x.volumeId));
        const returnCondition = new Map(returned.map((c) => [c.volumeId, c.condition]));
        const byId = new Map(vols.map((v) => [v.id, v]));
        for (const v of vols)
          assertListable(input.direction, {
            ...chainFacts(v),
            onPendingList: onPending.has(v.id),
            atWorkstation: v.currentWorkstationId !== null,
            hasReturnCondition: returnCondition.has(v.id),
          });
        const count = await trx
          .selectFrom("digitizationHandoverList")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("projectId", "=", projectId)
          .executeTakeFirstOrThrow();
        const code = `${input.direction === "to_agency" ? "JJ" : "GH"}-${p.code}-${String(Number(count.n) + 1).padStart(3, "0")}`;
        const docLines = input.lines.map((l) => {
          const v = byId.get(l.volumeId)!;
          return {
            volumeId: v.id,
            referenceCode: v.referenceCode,
            title: v.title,
            itemCount: l.itemCount ?? v.itemCount,
            pages: l.pages ?? v.expectedPages ?? null,
            quality: l.quality || VOLUME_CONDITION_LABELS[returnCondition.get(v.id) ?? "good"].zh,
            note: l.note ?? null,
          };
        });
        const handedAt = new Date(input.handedAt);
        const digest = handoverDigest({
          code,
          projectId,
          direction: input.direction,
          handedAt: handedAt.toISOString(),
          clientHandlerName: input.clientHandlerName,
          agencyHandlerName: input.agencyHandlerName,
          lines: docLines.map(({ volumeId: _v, note: _n, ...rest }) => rest),
        });
        const list = await trx
          .insertInto("digitizationHandoverList")
          .values({
            projectId,
            code,
            direction: input.direction,
            handedAt,
            clientHandlerName: input.clientHandlerName,
            agencyHandlerName: input.agencyHandlerName,
            note: input.note ?? null,
            digest,
            createdBy: userIdOf(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("digitizationHandoverLine")
          .values(
            docLines.map((l) => ({
              listId: list.id,
              volumeId: l.volumeId,
              itemCount: l.itemCount,
              pages: l.pages,
              quality: l.quality,
              note: l.note,
            })),
          )
          .execute();
        audit.record({
          action: "digitization_handover_list.created",
          entityType: ENTITY,
          entityId: list.id,
          payload: {
            code,
            direction: input.direction,
            digest,
            volumes: docLines.length,
            items: docLines.reduce((n, l) => n + l.itemCount, 0),
          },
          scopeOrgIds: scopeOf(p),
        });
        return list;
      });
    },

    async list(actor: Actor, projectId: string, direction?: "to_agency" | "to_client") {
      const p = await project(actor, projectId);
      let q = db
        .selectFrom("digitizationHandoverList as h")
        .selectAll("h")
        .select((eb) => [
          eb
            .selectFrom("digitizationHandoverLine as l")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("l.listId", "=", "h.id")
            .as("volumeCount"),
          eb
            .selectFrom("digitizationHandoverLine as l")
            .select((e) => e.fn.coalesce(e.fn.sum<number>("l.itemCount"), e.lit(0)).as("n"))
            .whereRef("l.listId", "=", "h.id")
            .as("itemCount"),
        ])
        .where("h.projectId", "=", projectId);
      if (direction) q = q.where("h.direction", "=", direction);
      const items = await q.orderBy("h.createdAt").execute();
      return {
        items: items.map((i) => ({
          ...i,
          volumeCount: Number(i.volumeCount),
          itemCount: Number(i.itemCount),
        })),
        permissions: originalsPermissions(actor, p.parties),
      };
    },

    async get(actor: Actor, listId: string) {
      const { l, p } = await listOf(actor, listId);
      const [ls, checks] = await Promise.all([
        lines(listId),
        db.selectFrom("digitizationReturnCheck").selectAll().where("listId", "=", listId).execute(),
      ]);
      const signed = await db
        .selectFrom("confirmation as c")
        .innerJoin("organisation as o", "o.id", "c.orgId")
        .select(["c.id", "c.orgId", "o.name as orgName", "c.signerName", "c.signedAt", "c.documentDigest"])
        .where("c.entityType", "=", ENTITY)
        .where("c.entityId", "=", listId)
        .orderBy("c.signedAt")
        .execute();
      const mine =
        actor.type === "user"
          ? signed.some((c) => c.orgId === actor.orgId && c.documentDigest === l.digest)
          : false;
      return {
        list: l,
        lines: ls,
        confirmations: signed,
        returnCheck: checks,
        project: { id: p.id, code: p.code, name: p.name, clientName: p.clientName, agencyName: p.agencyName },
        permissions: {
          ...originalsPermissions(actor, p.parties),
          confirm:
            l.status === "pending" &&
            !mine &&
            policy.confirmForProject(actor, p.parties) &&
            actor.type === "user",
        },
      };
    },

    /** Z-6.3: a party confirms the list's digest; with both, the volumes change hands. */
    async confirm(actor: Actor, listId: string) {
      if (actor.type !== "user")
        throw new DomainError({
          code: "CONFIRMED_BY_PEOPLE",
          status: 403,
          clause: "Z-6.3",
          message: {
            zh: "交接清单须由双方经办人确认",
            en: "A handover list is confirmed by people of both sides",
          },
        });
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { l, p } = await listOf(actor, listId, trx, true);
        if (!policy.confirmForProject(actor, p.parties))
          throw new DomainError({
            code: "FORBIDDEN",
            status: 403,
            message: { zh: "无权确认交接清单", en: "You may not confirm handover lists of this project" },
          });
        if (l.status !== "pending")
          throw new DomainError({
            code: "LIST_ALREADY_CONFIRMED",
            status: 409,
            clause: "Z-6.3",
            message: { zh: "交接清单已经双方确认", en: "The list is already confirmed by both sides" },
          });
        const prior = await trx
          .selectFrom("confirmation")
          .select(["orgId"])
          .where("entityType", "=", ENTITY)
          .where("entityId", "=", listId)
          .where("documentDigest", "=", l.digest)
          .execute();
        if (prior.some((c) => c.orgId === actor.orgId))
          throw new DomainError({
            code: "ALREADY_CONFIRMED",
            status: 409,
            message: { zh: "本单位已确认过该清单", en: "Your organisation has already confirmed this list" },
          });
        const c = await confirmations.signIn(trx, actor, {
          entityType: ENTITY,
          entityId: listId,
          documentKind: HANDOVER_DOCUMENT_KIND,
          documentDigest: l.digest,
        });
        const orgs = new Set([...prior.map((x) => x.orgId), actor.orgId]);
        const both = orgs.has(p.clientOrgId) && orgs.has(p.agencyOrgId);
        if (both) {
          const at = new Date();
          await trx
            .updateTable("digitizationHandoverList")
            .set({ status: "confirmed", confirmedAt: at })
            .where("id", "=", listId)
            .execute();
          const ids = trx
            .selectFrom("digitizationHandoverLine")
            .select("volumeId")
            .where("listId", "=", listId);
          await trx
            .updateTable("digitizationVolume")
            .set(
              l.direction === "to_agency"
                ? { status: "at_agency" }
                : { status: "returned", currentWorkstationId: null },
            )
            .where("id", "in", ids)
            .execute();
        }
        audit.record({
          action: "digitization_handover_list.confirmed",
          entityType: ENTITY,
          entityId: listId,
          payload: { confirmationId: c.id, digest: l.digest, orgId: actor.orgId, bothSides: both },
          scopeOrgIds: scopeOf(p),
        });
        return { confirmationId: c.id, status: both ? "confirmed" : "pending" };
      });
    },

    /** The printable Chinese list. */
    async pdf(actor: Actor, listId: string) {
      const { l, p } = await listOf(actor, listId);
      const [ls, signed] = await Promise.all([
        lines(listId),
        db
          .selectFrom("confirmation as c")
          .innerJoin("organisation as o", "o.id", "c.orgId")
          .select(["o.name as orgName", "c.signerName", "c.signedAt"])
          .where("c.entityType", "=", ENTITY)
          .where("c.entityId", "=", listId)
          .where("c.documentDigest", "=", l.digest)
          .execute(),
      ]);
      return { code: l.code, pdf: await handoverListPdf({ ...l, project: p, lines: ls, signed }) };
    },

    /** Z-8.1: the client's volume-by-volume check of a to_agency list against what came back. */
    async checkReturn(actor: Actor, listId: string, input: ReturnCheckInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { l, p } = await listOf(actor, listId, trx, true);
        if (!originalsPolicy.checkReturn(actor, p.parties))
          throw new DomainError({
            code: "RETURN_CHECKED_BY_CLIENT",
            status: 403,
            clause: "Z-8.1",
            message: { zh: "归还档案由委托方逐卷核对", en: "The client checks the returned volumes" },
          });
        assertReturnClosable(l, { checked: 1, listed: 1, missing: 0 });
        const listed = (await lines(listId, trx)).map((x) => x.volumeId);
        const back = await trx
          .selectFrom("digitizationVolume")
          .select("id")
          .where("projectId", "=", p.id)
          .where("status", "=", "returned")
          .execute();
        const extraIds = input.lines.filter((x) => !listed.includes(x.volumeId)).map((x) => x.volumeId);
        if (extraIds.length) {
          const known = await volumeFacts(trx)
            .where("v.projectId", "=", p.id)
            .where("v.id", "in", extraIds)
            .execute();
          if (known.length !== extraIds.length) throw notFound("volume");
        }
        const r = evaluateOriginalsReturn(listed, new Set(back.map((b) => b.id)), input.lines);
        await trx.deleteFrom("digitizationReturnCheck").where("listId", "=", listId).execute();
        await trx
          .insertInto("digitizationReturnCheck")
          .values(
            input.lines.map((x) => ({
              listId,
              volumeId: x.volumeId,
              outcome: extraIds.includes(x.volumeId) ? ("extra" as const) : x.outcome,
              note: x.note ?? null,
              checkedBy: userIdOf(actor),
            })),
          )
          .execute();
        audit.record({
          action: "digitization_return.checked",
          entityType: ENTITY,
          entityId: listId,
          payload: { present: r.present.length, missing: r.missing, damaged: r.damaged, extra: r.extra },
          scopeOrgIds: scopeOf(p),
        });
        return r;
      });
    },

    /** Z-8.1: the client closes the handover once every volume is back and checked. */
    async close(actor: Actor, listId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { l, p } = await listOf(actor, listId, trx, true);
        if (!originalsPolicy.checkReturn(actor, p.parties))
          throw new DomainError({
            code: "RETURN_CHECKED_BY_CLIENT",
            status: 403,
            clause: "Z-8.1",
            message: { zh: "归还交接注销由委托方办理", en: "The client closes the handover" },
          });
        const [listed, checks] = await Promise.all([
          lines(listId, trx),
          trx
            .selectFrom("digitizationReturnCheck")
            .select(["volumeId", "outcome"])
            .where("listId", "=", listId)
            .execute(),
        ]);
        const onList = new Set(listed.map((x) => x.volumeId));
        const relevant = checks.filter((c) => onList.has(c.volumeId));
        assertReturnClosable(l, {
          checked: relevant.length,
          listed: listed.length,
          missing: relevant.filter((c) => c.outcome === "missing").length,
        });
        const at = new Date();
        await trx
          .updateTable("digitizationHandoverList")
          .set({ status: "closed", closedAt: at, closedBy: userIdOf(actor) })
          .where("id", "=", listId)
          .execute();
        audit.record({
          action: "digitization_handover_list.closed",
          entityType: ENTITY,
          entityId: listId,
          payload: {
            code: l.code,
            volumes: listed.length,
            damaged: relevant.filter((c) => c.outcome === "damaged").length,
          },
          scopeOrgIds: scopeOf(p),
        });
        return { id: listId, status: "closed" as const, closedAt: at };
      });
    },

    /** Z-8.1: what still stands between the project and a completed return of originals. */
    async originalsReturnComplete(projectId: string) {
      return returnOpenPoints(db, projectId);
    },

    /** The same, through the caller's read scope (the return page). */
    async returnStatus(actor: Actor, projectId: string) {
      const p = await project(actor, projectId);
      return {
        ...(await returnOpenPoints(db, projectId)),
        permissions: originalsPermissions(actor, p.parties),
      };
    },
  };
}
export type HandoversService = ReturnType<typeof handoversService>;
