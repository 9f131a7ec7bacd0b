// D-10.8: a remote copy's screening is saved with the delivery: one hit row per
// mark found (the client's alert and the reviewer's highlighted page); the
// delivery itself carries whether it may be downloaded.
import type { Tx } from "@dangan/db";
import type { AuditEventDraft } from "@dangan/domain";
import type { UploadScreen } from "./mark-screener.ts";

type Audit = { record(d: AuditEventDraft): void };

export async function recordRemoteCopyScreen(
  trx: Tx,
  audit: Audit,
  ctx: {
    delivery: { id: string; requestId: string; filename: string };
    clientOrgId: string;
    agencyOrgId: string;
    screen: UploadScreen;
  },
): Promise<void> {
  const { delivery: d, screen } = ctx;
  const scopeOrgIds = [ctx.clientOrgId, ctx.agencyOrgId];
  if ("unscreenable" in screen) {
    audit.record({
      action: "mark_screening.unscreenable",
      entityType: "use_request",
      entityId: d.requestId,
      payload: { deliveryId: d.id, filename: d.filename, reason: screen.unscreenable },
      scopeOrgIds,
    });
    return;
  }
  for (const p of screen.pages)
    for (const h of p.hits) {
      const row = await trx
        .insertInto("markScreeningHit")
        .values({
          source: "remote_copy",
          clientOrgId: ctx.clientOrgId,
          agencyOrgId: ctx.agencyOrgId,
          requestId: d.requestId,
          remoteCopyId: d.id,
          fileLabel: d.filename,
          page: p.page,
          level: h.level,
          period: h.period,
          matchedText: h.text,
          confidence: h.confidence,
          region: { ...h.bounds, pageWidth: p.pageWidth, pageHeight: p.pageHeight },
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      audit.record({
        action: "mark_screening.hit",
        entityType: "mark_screening_hit",
        entityId: row.id,
        payload: { source: "remote_copy", deliveryId: d.id, page: p.page, level: h.level, period: h.period },
        scopeOrgIds,
      });
    }
}
