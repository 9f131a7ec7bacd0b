// The victim client's written grant, its own use request and a reading session:
// none of it may reach a foreign user (D-10.2).
import type { UserActor } from "@dangan/domain";
import type { Services } from "../src/services.ts";

export interface VictimRetrieval {
  grantId: string;
  requestId: string;
  itemId: string;
  sessionId: string;
}

export const RETRIEVAL_MARKERS = ["隔离被授权人ZEPHYR", "隔离授权MAXIMUM", "隔离读者QWERTY"];

export async function victimRetrieval(
  s: Services,
  actor: UserActor,
  p: { projectId: string; roomId: string; cameraId: string },
): Promise<VictimRetrieval> {
  const item = await s.db
    .selectFrom("catalogueItem")
    .select("id")
    .where("projectId", "=", p.projectId)
    .orderBy("rowNo")
    .executeTakeFirstOrThrow();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const g = await s.grants.draft(actor, {
    projectId: p.projectId,
    granteeKind: "person",
    granteeName: "隔离被授权人ZEPHYR",
    granteeIdKind: "id_card",
    granteeIdNumber: "310230198001010011",
    modes: ["reading"],
    purpose: "隔离授权MAXIMUM",
    validFrom: today,
    validTo: "2099-12-31",
    scope: { kind: "list", itemIds: [item.id], boxIds: [] },
  });
  await s.grants.issue(actor, g.id);
  const r = await s.useRequests.submit(actor, {
    projectId: p.projectId,
    mode: "reading",
    userName: "隔离读者QWERTY",
    purpose: "隔离授权MAXIMUM",
    priority: "standard",
    itemIds: [item.id],
  });
  const session = await s.db
    .insertInto("readingSession")
    .values({ requestId: r.id, roomId: p.roomId, cameraIds: [p.cameraId] })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { grantId: g.id, requestId: r.id, itemId: item.id, sessionId: session.id };
}
