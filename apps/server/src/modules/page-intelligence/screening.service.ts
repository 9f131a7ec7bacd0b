// Z-7.3, D-10.8: the alerts the classification-mark screening raises, for the
// client (who alone clears a false alarm or confirms the mark), the agency and
// the regulator; the page image with the mark's region outlined; the decisions.
// Clearing a QC hit resumes its volume once no other hit of that stop is open;
// confirming withdraws the volume from its batch. For a remote copy, clearing
// releases the download and confirming withdraws the delivery.
import { resolve, sep } from "node:path";
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  isDomainError,
  notFound,
  type ReadScope,
  readScope,
  type ScreeningDecision,
  screeningDecisionRefusal,
} from "@dangan/domain";
import { type ExpressionBuilder, sql } from "kysely";
import sharp from "sharp";
import type { Deps } from "../../context.ts";
import { auditActor, actorUserId as userIdOf } from "../../lib/audit-actor.ts";
import { likePattern, pageOf } from "../../lib/page.ts";
import type { StopsService } from "../digitization-originals/stops.service.ts";
import type { MarkScreener } from "./mark-screener.ts";

export interface HitFilter {
  status?: "open" | "cleared" | "confirmed" | undefined;
  source?: "qc_delivery" | "remote_copy" | undefined;
  q?: string | undefined;
}

type HitFrom = {
  h: import("@dangan/db").Database["markScreeningHit"];
  c: import("@dangan/db").Database["organisation"];
};

const visible = (scope: ReadScope) => (eb: ExpressionBuilder<HitFrom, "h" | "c">) => {
  if (scope.kind === "all") return eb.val(true);
  if (scope.kind === "districts") return eb("c.district", "in", scope.districts);
  return eb.or([eb("h.clientOrgId", "=", scope.orgId), eb("h.agencyOrgId", "=", scope.orgId)]);
};

export function screeningService(
  { dbh: { db }, blobs, config }: Deps,
  screener: MarkScreener,
  stops: () => StopsService,
) {
  const base = (actor: Actor) =>
    db
      .selectFrom("markScreeningHit as h")
      .innerJoin("organisation as c", "c.id", "h.clientOrgId")
      .innerJoin("organisation as a", "a.id", "h.agencyOrgId")
      .leftJoin("project as p", "p.id", "h.projectId")
      .leftJoin("digitizationVolume as v", "v.id", "h.volumeId")
      .leftJoin("useRequest as r", "r.id", "h.requestId")
      .where(visible(readScope(actor)));

  const columns = [
    "h.id",
    "h.source",
    "h.status",
    "h.level",
    "h.period",
    "h.matchedText",
    "h.confidence",
    "h.fileLabel",
    "h.page",
    "h.region",
    "h.createdAt",
    "h.decidedAt",
    "h.decisionNote",
    "h.qcDeliveryId",
    "h.remoteCopyId",
    "h.stopId",
    "h.volumeId",
    "h.requestId",
    "h.projectId",
    "h.clientOrgId",
    "c.name as clientName",
    "a.name as agencyName",
    "p.name as projectName",
    "v.referenceCode as volumeReferenceCode",
    "r.requestNo as requestNo",
  ] as const;

  async function one(actor: Actor, id: string) {
    const h = await base(actor).select(columns).where("h.id", "=", id).executeTakeFirst();
    if (!h) throw notFound("screening hit", id);
    return h;
  }

  /** The file the hit was found in, on disk. */
  async function fileOf(h: {
    source: string;
    qcDeliveryId: string | null;
    remoteCopyId: string | null;
    fileLabel: string;
  }) {
    if (h.source === "qc_delivery") {
      const d = await db
        .selectFrom("digitizationDelivery")
        .select("storageDir")
        .where("id", "=", h.qcDeliveryId!)
        .executeTakeFirstOrThrow();
      const full = resolve(d.storageDir, h.fileLabel);
      if (!full.startsWith(resolve(d.storageDir) + sep)) return null;
      return full;
    }
    const r = await db
      .selectFrom("remoteCopyDelivery")
      .select("sm3")
      .where("id", "=", h.remoteCopyId!)
      .executeTakeFirstOrThrow();
    return blobs.pathOf(r.sm3);
  }

  /** D-10.8: the client releases a held remote copy (false alarm, or a file the OCR could not read) or blocks it. */
  async function decideRemoteCopy(
    actor: Actor,
    deliveryId: string,
    input: { decision: ScreeningDecision; note?: string | undefined },
  ) {
    return inTransaction(db, auditActor(actor), async (trx, audit) => {
      const d = await trx
        .selectFrom("remoteCopyDelivery as d")
        .innerJoin("useRequest as r", "r.id", "d.requestId")
        .select(["d.id", "d.requestId", "d.screening", "d.filename", "r.clientOrgId", "r.agencyOrgId"])
        .where("d.id", "=", deliveryId)
        .forUpdate()
        .executeTakeFirst();
      const scope = readScope(actor);
      if (!d || (scope.kind === "party" && scope.orgId !== d.clientOrgId && scope.orgId !== d.agencyOrgId))
        throw notFound("delivery", deliveryId);
      const held = d.screening === "held" || d.screening === "unscreenable";
      const veto = screeningDecisionRefusal(actor, {
        status: held ? "open" : "cleared",
        clientOrgId: d.clientOrgId,
      });
      if (veto) throw veto;
      const at = new Date();
      const status = input.decision === "clear" ? "cleared" : "confirmed";
      await trx
        .updateTable("markScreeningHit")
        .set({ status, decidedBy: userIdOf(actor), decidedAt: at, decisionNote: input.note ?? null })
        .where("remoteCopyId", "=", deliveryId)
        .where("status", "=", "open")
        .execute();
      await trx
        .updateTable("remoteCopyDelivery")
        .set(
          input.decision === "clear" ? { screening: "released" } : { screening: "blocked", withdrawnAt: at },
        )
        .where("id", "=", deliveryId)
        .execute();
      audit.record({
        action: input.decision === "clear" ? "remote_copy.released" : "remote_copy.blocked",
        entityType: "use_request",
        entityId: d.requestId,
        payload: { deliveryId, filename: d.filename, was: d.screening, note: input.note ?? null },
        scopeOrgIds: [d.clientOrgId, d.agencyOrgId],
      });
      return {
        id: deliveryId,
        screening: input.decision === "clear" ? "released" : "blocked",
        decidedAt: at,
      };
    });
  }

  return {
    async list(actor: Actor, f: HitFilter, page: number, pageSize: number) {
      let q = base(actor);
      if (f.status) q = q.where("h.status", "=", f.status);
      if (f.source) q = q.where("h.source", "=", f.source);
      if (f.q) {
        const like = likePattern(f.q);
        q = q.where((eb) =>
          eb.or([
            eb("h.fileLabel", "like", like),
            eb("h.matchedText", "like", like),
            eb("v.referenceCode", "like", like),
            eb("r.requestNo", "like", like),
            eb("c.name", "like", like),
          ]),
        );
      }
      const [items, total] = await Promise.all([
        q
          .select(columns)
          .orderBy("h.createdAt", "desc")
          .orderBy("h.id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
      ]);
      return pageOf(
        items.map((h) => ({
          ...h,
          canDecide: !screeningDecisionRefusal(actor, { status: h.status, clientOrgId: h.clientOrgId }),
        })),
        total.n,
        page,
        pageSize,
      );
    },

    async get(actor: Actor, id: string) {
      const h = await one(actor, id);
      return {
        ...h,
        canDecide: !screeningDecisionRefusal(actor, { status: h.status, clientOrgId: h.clientOrgId }),
      };
    },

    /** Z-7.3: the page, scaled to `width`, with the mark's region outlined in red. */
    async image(actor: Actor, id: string, width = 1000): Promise<Buffer | null> {
      const h = await one(actor, id);
      const path = await fileOf(h);
      if (!path) return null;
      const page = await screener.pageImage(path, h.fileLabel, h.page);
      if (!page) return null;
      const r = h.region as {
        x: number;
        y: number;
        width: number;
        height: number;
        pageWidth: number;
        pageHeight: number;
      };
      const scaled = await sharp(page, { limitInputPixels: config.digitizationQc.maxPixels })
        .resize({ width: r.pageWidth, height: r.pageHeight, fit: "fill" })
        .png()
        .toBuffer();
      const pad = Math.max(4, r.height * 0.2);
      const stroke = Math.max(3, Math.round(r.pageWidth / 300));
      const box = `<svg xmlns="http://www.w3.org/2000/svg" width="${r.pageWidth}" height="${r.pageHeight}"><rect x="${r.x - pad}" y="${r.y - pad}" width="${r.width + 2 * pad}" height="${r.height + 2 * pad}" fill="rgba(255,0,0,0.08)" stroke="#ff0000" stroke-width="${stroke}"/></svg>`;
      // Composite at page size first: sharp resizes before it composites within one pipeline.
      const outlined = await sharp(scaled)
        .composite([{ input: Buffer.from(box), top: 0, left: 0 }])
        .png()
        .toBuffer();
      return sharp(outlined).resize({ width, withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
    },

    /** Z-7.3: the client clears a false alarm (the volume resumes) or confirms the mark (it is withdrawn). */
    async decide(
      actor: Actor,
      id: string,
      input: { decision: ScreeningDecision; note?: string | undefined },
    ) {
      const h0 = await one(actor, id);
      if (h0.source !== "qc_delivery") return decideRemoteCopy(actor, h0.remoteCopyId!, input);
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const h = await trx
          .selectFrom("markScreeningHit")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const veto = screeningDecisionRefusal(actor, h);
        if (veto) throw veto;
        const at = new Date();
        await trx
          .updateTable("markScreeningHit")
          .set({
            status: input.decision === "clear" ? "cleared" : "confirmed",
            decidedBy: userIdOf(actor),
            decidedAt: at,
            decisionNote: input.note ?? null,
          })
          .where("id", "=", id)
          .execute();
        audit.record({
          action: input.decision === "clear" ? "mark_screening.cleared" : "mark_screening.confirmed",
          entityType: "mark_screening_hit",
          entityId: id,
          payload: {
            source: h.source,
            file: h.fileLabel,
            level: h.level,
            note: input.note ?? null,
            stopId: h.stopId,
          },
          scopeOrgIds: [h.clientOrgId, h.agencyOrgId],
        });
        let stop: string | null = null;
        if (h.stopId) {
          const others = await trx
            .selectFrom("markScreeningHit")
            .select("id")
            .where("stopId", "=", h.stopId)
            .where("status", "=", "open")
            .executeTakeFirst();
          const s = await trx
            .selectFrom("digitizationStop")
            .select("resolvedAt")
            .where("id", "=", h.stopId)
            .executeTakeFirstOrThrow();
          const decision = input.decision === "clear" ? "resume" : "withdraw";
          if (!s.resolvedAt && (decision === "withdraw" || !others)) {
            await stops()
              .decideIn(trx, audit, actor, h.stopId, {
                decision,
                note: `涉密标志预警${input.decision === "clear" ? "误报解除" : "确认"}${input.note ? `：${input.note}` : ""}`,
              })
              .catch((e) => {
                if (!isDomainError(e)) throw e; // a volume no longer in a batch stays as it is
              });
            stop = decision;
          }
        }
        return { id, status: input.decision === "clear" ? "cleared" : "confirmed", decidedAt: at, stop };
      });
    },

    decideRemoteCopy,

    /** Counts for the home page and the menu badge. */
    async summary(actor: Actor) {
      const r = await base(actor)
        .select(sql<number>`count(*) filter (where h.status = 'open')::int`.as("open"))
        .executeTakeFirstOrThrow();
      return { open: r.open };
    },
  };
}
export type ScreeningService = ReturnType<typeof screeningService>;
