// `dangan ledger reconcile`: the register and box locations rebuilt from the
// audit trail; exit 0 when they agree, 1 with the differences when tampered.
import { inTransaction } from "@dangan/db";
import { testDbMode } from "@dangan/db/testing";
import { recordMovement } from "@dangan/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target, tamper, withDb } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
let projectCode: string;
const cli = (args: string[]) => dangan([...args, ...t.args]);

describe(`dangan ledger reconcile (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await cli(["demo"])).code).toBe(0);
    // A box shelved through the one movement helper, as intake does.
    projectCode = await withDb(t, async ({ db }) => {
      const p = await db
        .selectFrom("project")
        .select(["id", "code", "clientOrgId", "agencyOrgId"])
        .where("serviceType", "=", "custody")
        .where("status", "=", "active")
        .executeTakeFirstOrThrow();
      const site = await db
        .insertInto("site")
        .values({ agencyOrgId: p.agencyOrgId, name: "CLI 库区" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const vault = await db
        .insertInto("vault")
        .values({ agencyOrgId: p.agencyOrgId, siteId: site.id, code: "CLI-V", name: "CLI" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const loc = await db
        .insertInto("location")
        .values({ vaultId: vault.id, code: "CLI-1", rowNo: 1, columnNo: 1, sectionNo: 1, shelfNo: 1 })
        .returning("id")
        .executeTakeFirstOrThrow();
      const box = await db
        .insertInto("box")
        .values({
          projectId: p.id,
          clientOrgId: p.clientOrgId,
          agencyOrgId: p.agencyOrgId,
          boxNo: "CLI-001",
          barcode: "CLI-BOX-001",
          kind: "storage",
          status: "received",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await inTransaction(db, { userId: null, orgId: null }, async (trx, audit) => {
        await recordMovement(trx, audit, {
          boxId: box.id,
          kind: "intake",
          fromLocationId: null,
          toLocationId: null,
          byUserId: null,
        });
        await recordMovement(trx, audit, {
          boxId: box.id,
          kind: "shelve",
          fromLocationId: null,
          toLocationId: loc.id,
          byUserId: null,
          status: "shelved",
        });
      });
      return p.code;
    });
  });
  afterAll(() => t.dispose());

  it("[D-12.2] reports a healthy ledger, exit 0, for all boxes and for one project", async () => {
    const r = await cli(["ledger", "reconcile"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Ledger reconciled: no differences\./);
    const one = JSON.parse((await cli(["ledger", "reconcile", "--project", projectCode, "--json"])).out);
    expect(one).toMatchObject({ ok: true, differences: [] });
    expect(one.register.byKind.shelve).toBeGreaterThanOrEqual(1);
    expect(one.audit).toEqual(one.register);
    expect((await cli(["ledger", "reconcile", "--project", "P1999-0000"])).code).toBe(2);
  });

  it("[D-12.2] lists a tampered register row and a moved box, exit 1", async () => {
    await tamper(
      t,
      "UPDATE box_movement SET to_location_id = NULL WHERE kind = 'shelve' AND box_id = (SELECT id FROM box WHERE barcode = 'CLI-BOX-001')",
    );
    const r = await cli(["ledger", "reconcile", "--project", projectCode]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/DIFFERENCES: 1/);
    expect(r.out).toMatch(
      /register_altered {2}box CLI-001 \(CLI-BOX-001\) {2}movement [0-9a-f-]{36}: toLocationId is null, audit says CLI-V CLI-1/,
    );
    await tamper(t, "UPDATE box SET location_id = NULL, status = 'received' WHERE barcode = 'CLI-BOX-001'");
    const json = JSON.parse((await cli(["ledger", "reconcile", "--json"])).out);
    expect(json.differences.map((d: { kind: string }) => d.kind).sort()).toEqual([
      "location_mismatch",
      "register_altered",
    ]);
  });
});
