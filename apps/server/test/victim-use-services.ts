// The victim client's remote copy, loan and return check (D-3.12, D-10.6,
// D-11.1), written directly on a request of its own: none of it may reach a
// foreign user.
import type { Services } from "../src/services.ts";

export interface VictimUseServices {
  requestId: string;
  scanJobId: string;
  deliveryId: string;
  loanId: string;
  checkId: string;
  /** Z-7.3, D-10.8: a classification-mark alert on the victim's remote copy. */
  hitId: string;
  markers: string[];
}

export const USE_SERVICES_MARKERS = ["隔离送达地点SNOOFLE", "隔离扫描件FNORD", "隔离归还人WUMPUS"];

export async function victimUseServices(
  s: Services,
  p: {
    projectId: string;
    clientId: string;
    agencyId: string;
    clientUserId: string;
    keeperId: string;
    cameraId: string;
  },
): Promise<VictimUseServices> {
  const db = s.db;
  const item = await db
    .selectFrom("catalogueItem")
    .select("id")
    .where("projectId", "=", p.projectId)
    .orderBy("rowNo")
    .executeTakeFirstOrThrow();
  const r = await db
    .insertInto("useRequest")
    .values({
      requestNo: "VX-USE-SNOOFLE",
      projectId: p.projectId,
      clientOrgId: p.clientId,
      agencyOrgId: p.agencyId,
      requesterKind: "client",
      userName: "隔离归还人WUMPUS",
      mode: "loan",
      purpose: "隔离出借",
      dueAt: new Date(Date.now() + 86_400_000),
      status: "return_blocked",
      submittedBy: p.clientUserId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("useRequestItem").values({ requestId: r.id, itemId: item.id, boxId: null }).execute();
  const job = await db
    .insertInto("scanJob")
    .values({
      requestId: r.id,
      agencyOrgId: p.agencyId,
      operatorUserId: p.keeperId,
      cameraId: p.cameraId,
      note: "隔离扫描件FNORD",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const delivery = await db
    .insertInto("remoteCopyDelivery")
    .values({
      requestId: r.id,
      scanJobId: job.id,
      filename: "隔离扫描件FNORD.pdf",
      mediaType: "application/pdf",
      sizeBytes: 1,
      sm3: "0".repeat(64),
      sha256: "0".repeat(64),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("loanConsent")
    .values({ requestId: r.id, givenBy: p.clientUserId, statement: "隔离同意出借" })
    .execute();
  const loan = await db
    .insertInto("loan")
    .values({
      requestId: r.id,
      agencyOrgId: p.agencyId,
      dueOn: "2020-01-01",
      deliveryPlace: "隔离送达地点SNOOFLE",
      deliveryAt: new Date("2019-12-20T02:00:00Z"),
      receiverName: "隔离归还人WUMPUS",
      receiverIdKind: "id_card",
      receiverIdNumber: "310230199001011234",
      handedOverAt: new Date("2019-12-20T02:00:00Z"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const check = await db
    .insertInto("returnCheck")
    .values({
      requestId: r.id,
      returnerName: "隔离归还人WUMPUS",
      returnerDeclared: 0,
      outcome: "discrepancy",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("returnCheckLine")
    .values({ checkId: check.id, itemId: item.id, outcome: "missing", note: "隔离扫描件FNORD" })
    .execute();
  const hit = await db
    .insertInto("markScreeningHit")
    .values({
      source: "remote_copy",
      clientOrgId: p.clientId,
      agencyOrgId: p.agencyId,
      requestId: r.id,
      remoteCopyId: delivery.id,
      fileLabel: "隔离扫描件FNORD.pdf",
      level: "机密",
      period: "10年",
      matchedText: "隔离涉密标志XYZZY",
      confidence: 0.99,
      region: { x: 1, y: 1, width: 10, height: 10, pageWidth: 100, pageHeight: 100 },
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    requestId: r.id,
    scanJobId: job.id,
    deliveryId: delivery.id,
    loanId: loan.id,
    checkId: check.id,
    hitId: hit.id,
    markers: [
      ...USE_SERVICES_MARKERS,
      "隔离涉密标志XYZZY",
      r.id,
      job.id,
      delivery.id,
      loan.id,
      check.id,
      hit.id,
    ],
  };
}
