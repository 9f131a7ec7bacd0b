import { testDbMode } from "@dangan/db/testing";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../harness.ts";
import { clientBoxIn, makeVault, type TestVault } from "./environment-fixture.ts";

let t: TestApp;
let v: TestVault;
const as: Record<string, Client> = {};
const uid: Record<string, string> = {};
const visitor = {
  name: "陈审计",
  organisation: "上海申城建设集团有限公司",
  idNumber: "310101199001011234",
  purpose: "抽查档案保管情况",
};
const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();

const enter = (c: Client, body: object, vaultId = v.vaultId) =>
  c.post(`/api/vault-access/vaults/${vaultId}/entries`, { purpose: "上架新入库档案", ...body });

describe(`vault entry log (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp();
    v = await makeVault(t);
    await clientBoxIn(t, v.paperLocationId);
    const users = await t.services.db.selectFrom("appUser").select(["id", "username"]).execute();
    for (const u of users) uid[u.username] = u.id;
    for (const u of [
      "custody.manager",
      "custody.keeper",
      "custody.operator",
      "client.officer",
      "client2.admin",
      "foreign.manager",
      "city.inspector",
      "pudong.admin",
    ])
      as[u] = await t.as(u);
    // The demo world may have people inside a vault: let them out, so the staff are free.
    for (const e of (await as["custody.manager"]!.get("/api/vault-access/inside")).body.items)
      await as["custody.manager"]!.post(`/api/vault-access/entries/${e.id}/exit`, {});
  }, 180_000);
  afterAll(() => t.close());

  it("[D-9.9] refuses an entry by one person, or by the same person twice", async () => {
    const one = await enter(as["custody.keeper"]!, { staffUserIds: [uid["custody.keeper"]] });
    expect(one).toMatchObject({ status: 422, body: { code: "TWO_PERSON_RULE", clause: "D-9.9" } });
    const twice = await enter(as["custody.keeper"]!, {
      staffUserIds: [uid["custody.keeper"], uid["custody.keeper"]],
    });
    expect(twice).toMatchObject({ status: 422, body: { code: "TWO_PERSON_RULE", clause: "D-9.9" } });
    const outsider = await enter(as["custody.keeper"]!, {
      staffUserIds: [uid["custody.keeper"], uid["digit.operator"]],
    });
    expect(outsider).toMatchObject({ status: 422, body: { code: "NOT_AGENCY_STAFF", clause: "D-9.9" } });
    const list = await as["custody.keeper"]!.get(`/api/vault-access/vaults/${v.vaultId}/entries`);
    expect(list.body.total).toBe(0);
  });

  it("[D-9.9] records two staff entering together, who is inside, and their exit", async () => {
    const r = await enter(as["custody.keeper"]!, {
      staffUserIds: [uid["custody.keeper"], uid["custody.keeper2"]],
      enteredAt: ago(30),
    });
    expect(r.status).toBe(201);
    const inside = await as["custody.manager"]!.get("/api/vault-access/inside");
    expect(inside.body.items.map((e: { id: string }) => e.id)).toContain(r.body.id);
    const entry = inside.body.items.find((e: { id: string }) => e.id === r.body.id);
    expect(entry.people.map((p: { name: string }) => p.name)).toEqual(["黄芳", "林涛"]);
    expect(entry).toMatchObject({ recordedByName: "黄芳", exitedAt: null, vaultCode: expect.any(String) });

    const again = await enter(as["custody.manager"]!, {
      staffUserIds: [uid["custody.keeper"], uid["custody.manager"]],
    });
    expect(again).toMatchObject({ status: 409, body: { code: "STAFF_ALREADY_INSIDE" } });

    const exit = `/api/vault-access/entries/${r.body.id}/exit`;
    expect((await as["custody.operator"]!.post(exit, {})).status).toBe(403);
    expect((await as["foreign.manager"]!.post(exit, {})).status).toBe(404);
    expect((await as["custody.keeper"]!.post(exit, { exitedAt: ago(60) })).body.code).toBe(
      "ENTRY_TIME_INVALID",
    );
    expect((await as["custody.keeper"]!.post(exit, { note: "门窗已关闭" })).status).toBe(200);
    expect((await as["custody.keeper"]!.post(exit, {})).status).toBe(409);
    const after = await as["custody.manager"]!.get(`/api/vault-access/inside?vaultId=${v.vaultId}`);
    expect(after.body.items).toEqual([]);
  });

  it("[D-9.10] refuses visitors without a leader's approval and records the approving manager", async () => {
    const staff = [uid["custody.keeper"], uid["custody.keeper2"]];
    const none = await enter(as["custody.keeper"]!, { staffUserIds: staff, visitors: [visitor] });
    expect(none).toMatchObject({ status: 422, body: { code: "VISITOR_NOT_APPROVED", clause: "D-9.10" } });
    const byKeeper = await enter(as["custody.keeper"]!, {
      staffUserIds: staff,
      visitors: [visitor],
      approvedByUserId: uid["custody.keeper2"],
    });
    expect(byKeeper).toMatchObject({ status: 422, body: { code: "APPROVER_NOT_LEADER", clause: "D-9.10" } });
    const byForeign = await enter(as["custody.keeper"]!, {
      staffUserIds: staff,
      visitors: [visitor],
      approvedByUserId: uid["foreign.manager"],
    });
    expect(byForeign.body.code).toBe("APPROVER_NOT_LEADER");
    const ok = await enter(as["custody.keeper"]!, {
      staffUserIds: staff,
      visitors: [visitor],
      approvedByUserId: uid["custody.manager"],
      approvalNote: "经马强电话同意",
    });
    expect(ok.status).toBe(201);
    const list = await as["custody.manager"]!.get(
      `/api/vault-access/vaults/${v.vaultId}/entries?status=inside`,
    );
    const e = list.body.items.find((x: { id: string }) => x.id === ok.body.id);
    expect(e).toMatchObject({
      approvedBy: uid["custody.manager"],
      approvedByName: "马强",
      approvalNote: "经马强电话同意",
    });
    const guest = e.people.find((p: { kind: string }) => p.kind === "visitor");
    expect(guest).toMatchObject({
      name: "陈审计",
      organisation: visitor.organisation,
      purpose: visitor.purpose,
    });
    expect(guest.idNumber).toBe("3101**********1234");
    expect(JSON.stringify(list.body)).not.toContain(visitor.idNumber);
    await as["custody.keeper"]!.post(`/api/vault-access/entries/${ok.body.id}/exit`, {});
  });

  it("[D-9.9] lists a vault's entries with filters, pages and an Excel export", async () => {
    const base = `/api/vault-access/vaults/${v.vaultId}/entries`;
    const all = await as["custody.operator"]!.get(`${base}?pageSize=1`);
    expect(all.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(all.body.items).toHaveLength(1);
    expect((await as["custody.operator"]!.get(`${base}?q=陈审计`)).body.total).toBe(1);
    expect((await as["custody.operator"]!.get(`${base}?status=inside`)).body.total).toBe(0);
    expect(
      (await as["custody.operator"]!.get(`${base}?from=${encodeURIComponent(ago(10))}`)).body.total,
    ).toBe(1);
    const x = await as["custody.manager"]!.request({ method: "GET", url: `${base}/export.xlsx` });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String).join("|");
    expect(cells).toContain("陈审计");
    expect(cells).toContain("3101**********1234");
    expect(cells).not.toContain(visitor.idNumber);
    const people = await as["custody.keeper"]!.get(`/api/vault-access/vaults/${v.vaultId}/people`);
    expect(people.body.leaders.map((u: { displayName: string }) => u.displayName)).toEqual(["马强"]);
    expect(people.body.staff.length).toBeGreaterThanOrEqual(4);
  });

  it("[D-9.9] shows the log to the agency and its supervisors only", async () => {
    const base = `/api/vault-access/vaults/${v.vaultId}/entries`;
    expect((await as["city.inspector"]!.get(base)).status).toBe(200);
    expect(
      (await enter(as["city.inspector"]!, { staffUserIds: [uid["custody.keeper"], uid["custody.keeper2"]] }))
        .status,
    ).toBe(403);
    expect(
      (
        await enter(as["custody.operator"]!, {
          staffUserIds: [uid["custody.keeper"], uid["custody.keeper2"]],
        })
      ).status,
    ).toBe(403);
    for (const u of ["client.officer", "client2.admin", "foreign.manager", "pudong.admin"]) {
      expect((await as[u]!.get(base)).status, u).toBe(404);
      expect((await as[u]!.get(`${base}/export.xlsx`)).status, u).toBe(404);
      expect((await as[u]!.get(`/api/vault-access/vaults/${v.vaultId}/people`)).status, u).toBe(404);
      expect(
        (await enter(as[u]!, { staffUserIds: [uid["custody.keeper"], uid["custody.keeper2"]] })).status,
        u,
      ).toBe(404);
      const inside = await as[u]!.get("/api/vault-access/inside");
      expect(inside.status).toBe(200);
      expect(JSON.stringify(inside.body)).not.toContain(v.vaultId);
    }
  });
});
