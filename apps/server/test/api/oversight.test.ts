// Regulator oversight: checklists from the clause catalogue, pre-filled from
// the system's data; inspections, findings, rectification orders, notices.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../../src/demo/demo-pdf.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
let projectId: string;
let inspector: Client;
let agency: Client;

function evidence(c: Client, orderId: string) {
  const boundary = "----oversight-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="整改照片.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  return c.request({
    method: "POST",
    url: `/api/attachments?entityType=rectification_order&entityId=${orderId}&label=evidence`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), demoPdf("evidence"), Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

type Item = {
  clauseId: string;
  result: string;
  prefilled: boolean;
  evidence: { type: string; ok: boolean }[];
};

/** Answers every unanswered item as passed, so that the inspection can complete. */
async function answerAll(c: Client, id: string) {
  const i = (await c.get(`/api/oversight/inspections/${id}`)).body;
  for (const x of i.items as Item[])
    if (x.result === "unanswered")
      await c.post(`/api/oversight/inspections/${id}/items`, { clause: x.clauseId, result: "pass" });
}

async function inspectionWithFinding(severity: "minor" | "major" = "major") {
  const i = await inspector.post("/api/oversight/inspections", {
    projectId,
    kind: "ad_hoc",
    title: "库房安全检查",
  });
  const f = await inspector.post(`/api/oversight/inspections/${i.body.id}/findings`, {
    clause: "D-9.3",
    severity,
    description: "库房内堆放纸箱等可燃物，消防通道不畅",
  });
  return { inspectionId: i.body.id as string, findingId: f.body.id as string };
}

describe(`oversight (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.as("pudong.inspector");
    agency = await t.as("custody.manager");
    const list = await agency.get("/api/projects?serviceType=custody&pageSize=200");
    // The Pudong client's custody project: supervised by the Pudong regulator.
    projectId = list.body.items.find((p: { name: string }) => p.name === "2026年度文书档案寄存托管").id;
  }, 120_000);
  afterAll(() => t.close());

  it("[G-2] generates a checklist per service type from the clause catalogue", async () => {
    const ids = async (type: string) =>
      (await inspector.get(`/api/oversight/checklists/${type}`)).body.items.map(
        (x: { clause: string }) => x.clause,
      );
    const custody = await ids("custody");
    const digitization = await ids("digitization");
    const arrangement = await ids("arrangement");
    expect(custody).toEqual(expect.arrayContaining(["D-5.5", "D-5.10", "D-9.4", "D-9.8", "D-9.9", "G-13"]));
    expect(custody).not.toContain("Z-5.5");
    expect(digitization).toEqual(expect.arrayContaining(["Z-5.5", "Z-5.8", "Z-7.4", "G-11"]));
    expect(digitization).not.toContain("D-5.5");
    expect(arrangement).toEqual(["G-2", "G-7", "G-9", "G-10", "G-11", "G-12", "G-13", "G-14"]);
  });

  it("[G-7][D-9.8] pre-fills items the system knows, with the evidence linked", async () => {
    const incident = await agency.post("/api/incidents", {
      projectId,
      kind: "damage",
      severity: "major",
      title: "库房渗水PREFILL",
      clauseId: "D-9.6",
    });
    expect(incident.status).toBe(201);
    const items = (await inspector.get(`/api/oversight/projects/${projectId}/checklist`)).body.items as {
      clause: string;
      result: string;
      evidence: { type: string; id: string; ok: boolean }[];
    }[];
    const item = (c: string) => items.find((x) => x.clause === c)!;
    expect(item("G-7").result).toBe("fail");
    expect(item("G-7").evidence).toContainEqual(
      expect.objectContaining({ type: "incident", id: incident.body.id }),
    );
    expect(item("D-9.8").evidence.every((e) => e.type === "inventory_vault")).toBe(true);
    expect(item("D-9.8").evidence.length).toBeGreaterThan(0);
    expect(item("D-5.5").evidence.some((e) => e.type === "vault")).toBe(true);
    expect(item("D-5.5").result).not.toBe("unanswered");
    // Nothing in the data speaks to daylight and UV: the inspector answers it on site.
    expect(item("D-9.5")).toMatchObject({ result: "unanswered", evidence: [] });
  });

  it("[G-7][Z-5.8][Z-5.5] pre-fills a digitization site's overdue seal tests and camera coverage", async () => {
    const city = await t.as("city.inspector");
    const digit = (await city.get("/api/projects?serviceType=digitization&status=active")).body.items.find(
      (p: { name: string }) => p.name === "基建档案数字化加工（一期）",
    );
    const items = (await city.get(`/api/oversight/projects/${digit.id}/checklist`)).body.items as {
      clause: string;
      result: string;
      evidence: { type: string; ok: boolean }[];
    }[];
    const seal = items.find((x) => x.clause === "Z-5.8")!;
    // The demo site has one sealed port whose monthly test is overdue.
    expect(seal.result).toBe("fail");
    expect(seal.evidence.some((e) => e.type === "digitization_port" && !e.ok)).toBe(true);
    // Every workstation and area is covered in the demo: nothing to pre-fill for cameras.
    expect(items.find((x) => x.clause === "Z-5.5")).toMatchObject({ result: "unanswered", evidence: [] });
  });

  it("[G-7] refuses to complete an inspection with unanswered items, and findings outside its checklist", async () => {
    const i = await inspector.post("/api/oversight/inspections", {
      projectId,
      kind: "planned",
      title: "年度检查",
    });
    expect(i.status).toBe(201);
    const early = await inspector.post(`/api/oversight/inspections/${i.body.id}/complete`);
    expect(early.body).toMatchObject({ code: "CHECKLIST_INCOMPLETE", clause: "G-7" });
    const outside = await inspector.post(`/api/oversight/inspections/${i.body.id}/findings`, {
      clause: "Z-5.5",
      severity: "minor",
      description: "x",
    });
    expect(outside.body).toMatchObject({ code: "FINDING_CLAUSE_NOT_IN_CHECKLIST", clause: "G-7" });
    expect(
      (
        await agency.post(`/api/oversight/inspections/${i.body.id}/items`, {
          clause: "D-9.3",
          result: "pass",
        })
      ).status,
    ).toBe(403);
    await answerAll(inspector, i.body.id);
    expect((await inspector.post(`/api/oversight/inspections/${i.body.id}/complete`)).status).toBe(200);
    const again = await inspector.post(`/api/oversight/inspections/${i.body.id}/items`, {
      clause: "D-9.3",
      result: "fail",
    });
    expect(again.body.code).toBe("INSPECTION_COMPLETED");
  });

  it("[G-13][G-11] lets the agency self-check and the client supervise with the same checklist, but not inspect as a regulator", async () => {
    const spot = await agency.post("/api/oversight/inspections", { projectId, kind: "spot", title: "x" });
    expect(spot.body).toMatchObject({ code: "INSPECTION_KIND_NOT_ALLOWED", clause: "G-13" });
    const self = await agency.post("/api/oversight/inspections", {
      projectId,
      kind: "self_check",
      title: "季度自查",
    });
    expect(self.status).toBe(201);
    const client = await t.as("client.officer");
    const sup = await client.post("/api/oversight/inspections", {
      projectId,
      kind: "supervision",
      title: "季度督查",
    });
    expect(sup.status).toBe(201);
    const a = (await agency.get(`/api/oversight/inspections/${self.body.id}`)).body.items.map(
      (x: Item) => x.clauseId,
    );
    const b = (await client.get(`/api/oversight/inspections/${sup.body.id}`)).body.items.map(
      (x: Item) => x.clauseId,
    );
    expect(a).toEqual(b);
    expect(
      (await (await t.as("digit.manager")).get(`/api/oversight/inspections/${self.body.id}`)).status,
    ).toBe(404);
  });

  it("[G-7] walks a rectification order: evidence required, rejected with a reason, then accepted", async () => {
    const { findingId } = await inspectionWithFinding();
    const issued = await inspector.post("/api/oversight/rectifications", {
      findingId,
      addressee: "agency",
      requirement: "清除库房可燃物，疏通消防通道",
    });
    expect(issued.status).toBe(201);
    const id = issued.body.id;
    const bare = await agency.post(`/api/oversight/rectifications/${id}/respond`, { response: "已清理" });
    expect(bare.body).toMatchObject({ code: "RECTIFICATION_EVIDENCE_REQUIRED", clause: "G-7" });
    const client = await t.as("client.officer");
    expect((await client.post(`/api/oversight/rectifications/${id}/respond`, { response: "x" })).status).toBe(
      403,
    );
    expect((await evidence(agency, id)).statusCode).toBe(201);
    expect(
      (await agency.post(`/api/oversight/rectifications/${id}/respond`, { response: "已清理，附照片" })).body
        .status,
    ).toBe("responded");
    expect(
      (await agency.post(`/api/oversight/rectifications/${id}/decide`, { decision: "accept" })).status,
    ).toBe(403);
    const noReason = await inspector.post(`/api/oversight/rectifications/${id}/decide`, {
      decision: "reject",
    });
    expect(noReason.body).toMatchObject({ code: "REJECTION_REASON_REQUIRED", clause: "G-7" });
    await inspector.post(`/api/oversight/rectifications/${id}/decide`, {
      decision: "reject",
      note: "通道仍有杂物",
    });
    await agency.post(`/api/oversight/rectifications/${id}/respond`, { response: "已彻底清理" });
    const ok = await inspector.post(`/api/oversight/rectifications/${id}/decide`, {
      decision: "accept",
      note: "复查合格",
    });
    expect(ok.body.status).toBe("accepted");
    const order = (await agency.get(`/api/oversight/rectifications/${id}`)).body;
    expect(order.responses.map((r: { decision: string }) => r.decision)).toEqual(["rejected", "accepted"]);
    expect(order.nextActions).toEqual([]);
    const trail = await inspector.get(`/api/audit/trail?entityType=rectification_order&entityId=${id}`);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["rectification.issued", "rectification.rejected", "rectification.accepted"]),
    );
  });

  it("[G-7] shows an overdue order on every party's home summary and escalates it once", async () => {
    const { findingId } = await inspectionWithFinding("minor");
    const past = await inspector.post("/api/oversight/rectifications", {
      findingId,
      addressee: "client",
      requirement: "x",
      deadline: "2020-01-01",
    });
    expect(past.body.code).toBe("DEADLINE_NOT_AHEAD");
    const issued = await inspector.post("/api/oversight/rectifications", {
      findingId,
      addressee: "client",
      requirement: "完善外包工作台帐OVERDUE",
    });
    // Time passes: the deadline is behind us.
    await t.services.db
      .updateTable("rectificationOrder")
      .set({ deadline: "2026-01-05" })
      .where("id", "=", issued.body.id)
      .execute();
    for (const u of ["client.officer", "custody.manager", "pudong.inspector", "city.admin"]) {
      const s = (await (await t.as(u)).get("/api/oversight/rectifications/summary")).body;
      expect(s.overdue, u).toBeGreaterThan(0);
      expect(JSON.stringify(s.overdueItems), u).toContain("OVERDUE");
    }
    const other = (await (await t.as("digit.manager")).get("/api/oversight/rectifications/summary")).body;
    expect(JSON.stringify(other)).not.toContain("OVERDUE");
    const list = await agency.get("/api/oversight/rectifications?overdue=true");
    expect(list.body.items.every((o: { overdue: boolean }) => o.overdue)).toBe(true);
    const { systemActor } = await import("@dangan/domain");
    const first = await t.services.oversight.rectifications.escalate(systemActor("test"));
    expect(first.escalated).toBeGreaterThan(0);
    expect((await t.services.oversight.rectifications.escalate(systemActor("test"))).escalated).toBe(0);
  });

  it("[G-7] publishes only major problems as notices, to the regulator's area", async () => {
    const minor = await inspectionWithFinding("minor");
    const refused = await inspector.post("/api/oversight/notices", {
      findingId: minor.findingId,
      title: "x",
      body: "x",
    });
    expect(refused.body).toMatchObject({ code: "NOTICE_NOT_MAJOR", clause: "G-7" });
    const major = await inspectionWithFinding("major");
    expect(
      (await agency.post("/api/oversight/notices", { findingId: major.findingId, title: "x", body: "x" }))
        .status,
    ).toBe(403);
    const n = await inspector.post("/api/oversight/notices", {
      findingId: major.findingId,
      title: "关于某托管机构库房消防隐患的通报NOTICE",
      body: "检查发现库房内堆放可燃物，责令限期整改。",
    });
    expect(n.status).toBe(201);
    const seen = async (u: string) =>
      JSON.stringify((await (await t.as(u)).get("/api/oversight/notices")).body).includes("NOTICE");
    expect(await seen("client.officer")).toBe(true); // in Pudong, the regulator's area
    expect(await seen("custody.manager")).toBe(true); // the agency concerned
    expect(await seen("digit.manager")).toBe(false); // Xuhui: outside the area
  });

  it("[G-7] draws the yearly sample from a recorded seed, reproducibly, and starts a spot inspection from it", async () => {
    const admin = await t.as("pudong.admin");
    const plan = await admin.post("/api/oversight/plans", {
      year: 2026,
      rate: 1,
      seed: "2026-pudong",
      nationalMode: "always",
    });
    expect(plan.status).toBe(201);
    expect(plan.body.seed).toBe("2026-pudong");
    const dup = await admin.post("/api/oversight/plans", { year: 2026, rate: 0.5 });
    expect(dup.body.code).toBe("PLAN_EXISTS");
    const got = (await admin.get(`/api/oversight/plans/${plan.body.id}`)).body;
    expect(got.reproducible).toBe(true);
    expect(got.samples.map((x: { projectId: string }) => x.projectId)).toContain(projectId);
    // The population is the Pudong regulator's area: every sampled project is one it supervises.
    for (const x of got.samples) expect((await admin.get(`/api/projects/${x.projectId}`)).status).toBe(200);
    expect(got.samples.length).toBe(got.populationCount);
    const spot = await admin.post(`/api/oversight/plans/${plan.body.id}/inspect`, { projectId });
    expect(spot.status).toBe(201);
    const i = (await admin.get(`/api/oversight/inspections/${spot.body.id}`)).body;
    expect(i).toMatchObject({ kind: "spot", planId: plan.body.id });
    const twice = await admin.post(`/api/oversight/plans/${plan.body.id}/inspect`, { projectId });
    expect(twice.body.code).toBe("NOT_IN_SAMPLE");
    expect((await agency.get(`/api/oversight/plans/${plan.body.id}`)).status).toBe(404);
    expect((await agency.get("/api/oversight/plans")).body.items).toEqual([]);
  });
});
