// The agency's own profile (D-4.3, Z-5.4): its written rules and workflows kept
// as documents on the organisation, readable by the clients and supervisors
// that choose and check it; a digitization agency's staff register with
// training and security education records.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
const CUSTODY = "上海安存档案寄存托管有限公司（演示）";
const DIGITIZATION = "上海数典档案数字化服务有限公司（演示）";

function upload(c: Client, entityType: string, entityId: string, filename: string) {
  return c.request({
    method: "POST",
    url: `/api/attachments?entityType=${entityType}&entityId=${entityId}`,
    headers: { "content-type": "multipart/form-data; boundary=X" },
    payload: `--X\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--X--\r\n`,
  });
}

const names = (r: { body: { items?: { filename: string }[] } | { filename: string }[] }) =>
  (Array.isArray(r.body) ? r.body : (r.body.items ?? [])).map((a) => a.filename);

describe(`agency profile (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("[D-4.3] a custody agency keeps its rules and workflows on its profile; clients and the regulator read them", async () => {
    const agency = t.ids[CUSTODY]!;
    const manager = await t.as("custody.manager");
    const up = await upload(manager, "organisation", agency, "档案寄存托管服务管理制度及业务流程.pdf");
    expect(up.statusCode).toBe(201);
    // Only the agency's own administrators write its profile.
    expect((await upload(await t.as("custody.keeper"), "organisation", agency, "x.pdf")).statusCode).toBe(
      403,
    );
    expect((await upload(await t.as("client.officer"), "organisation", agency, "x.pdf")).statusCode).toBe(
      403,
    );
    const url = `/api/attachments?entityType=organisation&entityId=${agency}`;
    for (const reader of ["client.officer", "city.inspector", "custody.keeper"]) {
      const r = await (await t.as(reader)).get(url);
      expect(r.status).toBe(200);
      expect(names(r)).toContain("档案寄存托管服务管理制度及业务流程.pdf");
    }
    const audit = await t.services.db
      .selectFrom("auditEvent")
      .select("action")
      .where("entityId", "=", agency)
      .where("action", "=", "attachment.added")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("[Z-5.4] a digitization agency keeps its staff register with training and security education", async () => {
    const manager = await t.as("digit.manager");
    const s = await manager.post("/api/staff", {
      name: "陈静",
      titleLevel: "junior",
      archiveProfessional: true,
      position: "扫描员",
    });
    expect(s.status).toBe(201);
    const training = await manager.post(`/api/staff/${s.body.id}/trainings`, {
      heldOn: "2026-11-20",
      course: "档案数字化安全保密教育",
      hours: 8,
      provider: "上海市档案局培训中心",
    });
    expect(training.status).toBe(201);
    const rules = await upload(manager, "organisation", t.ids[DIGITIZATION]!, "数字化加工安全管理制度.pdf");
    expect(rules.statusCode).toBe(201);
    const got = await manager.get(`/api/staff/${s.body.id}`);
    expect(got.body.trainings.map((x: { course: string }) => x.course)).toContain("档案数字化安全保密教育");
    // Another agency neither sees nor writes this register.
    const other = await t.as("custody.manager");
    expect((await other.get(`/api/staff/${s.body.id}`)).status).toBe(404);
    expect(
      (
        await other.post(`/api/staff/${s.body.id}/trainings`, {
          heldOn: "2026-11-20",
          course: "x",
          hours: 1,
        })
      ).status,
    ).toBe(404);
  });
});
