// Bootstrapping a real instance from the command line: organisations, users,
// tokens, validated like the API and audited as the operator.
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
const cli = (args: string[], stdin?: string) =>
  dangan([...args, ...t.args], stdin === undefined ? {} : { stdin });

describe(`dangan org / user / token (${mode})`, () => {
  beforeAll(async () => {
    t = await newTarget(mode);
  });
  afterAll(() => t.dispose());

  it("migrate applies the schema once, then reports it up to date", async () => {
    const first = await cli(["migrate"]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/applied 0001_core/);
    const again = await cli(["migrate"]);
    expect(again.out).toMatch(/Up to date/);
  });

  it("[G-12] org add refuses an agency without its licence, in Chinese and English (exit 2)", async () => {
    const r = await cli([
      "org",
      "add",
      "--kind",
      "agency",
      "--name",
      "某中介",
      "--district",
      "pudong",
      "--service-type",
      "custody",
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /ORGANISATION_SHAPE \[G-12\]: 中介机构须登记营业执照号 \/ an agency needs its licence number/,
    );
  });

  it("org add reports each invalid option in both languages (exit 2)", async () => {
    const r = await cli([
      "org",
      "add",
      "--kind",
      "client",
      "--name",
      "某单位",
      "--district",
      "atlantis",
      "--credit-code",
      "x",
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/VALIDATION_FAILED: 提交的数据有误 \/ The submitted data is invalid/);
    expect(r.err).toMatch(/--district: 无效选项.* \/ Invalid option/);
    expect(r.err).toMatch(/--credit-code: /);
  });

  it("org add registers a client and an agency; org list shows them", async () => {
    expect(
      (await cli(["org", "add", "--kind", "client", "--name", "浦东档案单位", "--district", "pudong"])).code,
    ).toBe(0);
    const agency = await cli([
      "org",
      "add",
      "--kind",
      "agency",
      "--name",
      "嘉定寄存公司",
      "--district",
      "jiading",
      "--service-type",
      "custody",
      "--service-type",
      "digitization",
      "--licence",
      "91310000MA1FL0001X",
    ]);
    expect(agency.code).toBe(0);
    const list = await cli(["org", "list"]);
    expect(list.out).toMatch(/client\s+pudong\s+浦东档案单位/);
    expect(list.out).toMatch(/agency\s+jiading\s+嘉定寄存公司\s+\[custody,digitization; active\]/);
  });

  it("[G-4] user add refuses a role that does not fit the organisation's kind (exit 2)", async () => {
    const r = await cli(
      [
        "user",
        "add",
        "--org",
        "浦东档案单位",
        "--username",
        "wrong.role",
        "--name",
        "错",
        "--role",
        "agency_manager",
      ],
      "a-long-enough-password\n",
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /ROLE_NOT_FOR_ORG_KIND \[G-4\]: 所选角色与机构类型不符 \/ These roles do not belong to a client/,
    );
    await withDb(t, async (h) => {
      const u = await h.db.selectFrom("appUser").select("id").where("username", "=", "wrong.role").execute();
      expect(u).toHaveLength(0);
    });
  });

  it("user add validates with the API's schema before touching the database (exit 2)", async () => {
    const r = await cli([
      "user",
      "add",
      "--org",
      "浦东档案单位",
      "--username",
      "x",
      "--name",
      "X",
      "--role",
      "nobody",
      "--password",
      "short",
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--username: /);
    expect(r.err).toMatch(/--role\.0: 无效选项.* \/ Invalid option/);
    expect(r.err).toMatch(/--password: 数值过小.* \/ Too small/);
    const unknownOrg = await cli(
      ["user", "add", "--org", "nowhere", "--username", "abc", "--name", "X", "--role", "client_admin"],
      "a-long-enough-password\n",
    );
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.err).toMatch(/No organisation named/);
  });

  it("user add creates the user through the service, audited as the operator; password from stdin", async () => {
    const r = await cli(
      [
        "user",
        "add",
        "--org",
        "浦东档案单位",
        "--username",
        "Li.Na",
        "--name",
        "李娜",
        "--role",
        "client_admin",
        "--role",
        "client_archive_officer",
      ],
      "a-long-enough-password\n",
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Added li\.na \(client_admin, client_archive_officer\) to 浦东档案单位/);
    await withDb(t, async (h) => {
      const ev = await h.db
        .selectFrom("auditEvent")
        .selectAll()
        .where("action", "=", "user.created")
        .executeTakeFirstOrThrow();
      expect(ev.actorUserId).toBeNull();
      expect(ev.payload).toMatchObject({ username: "li.na", operator: "dangan user add" });
    });
    const list = await cli(["user", "list", "--org", "浦东档案单位"]);
    expect(list.out).toMatch(/li\.na\s+active\s+client_admin,client_archive_officer\s+李娜/);
  });

  it("user unlock and user passwd act through the service and are audited", async () => {
    await withDb(t, (h) =>
      h.db
        .updateTable("appUser")
        .set({ failedLogins: 5, lockedUntil: new Date(Date.now() + 3_600_000) })
        .where("username", "=", "li.na")
        .execute(),
    );
    expect((await cli(["user", "list"])).out).toMatch(/li\.na\s+locked/);
    expect((await cli(["user", "unlock", "li.na"])).code).toBe(0);
    expect((await cli(["user", "list"])).out).toMatch(/li\.na\s+active/);
    expect((await cli(["user", "passwd", "li.na"], "short\n")).code).toBe(2);
    const ok = await cli(["user", "passwd", "li.na"], "another-long-password\n");
    expect(ok.code).toBe(0);
    await withDb(t, async (h) => {
      const actions = await h.db.selectFrom("auditEvent").select("action").orderBy("seq").execute();
      expect(actions.map((a) => a.action)).toEqual(
        expect.arrayContaining(["user.unlocked", "user.password_changed"]),
      );
    });
    expect((await cli(["user", "unlock", "nobody.here"])).code).toBe(2);
  });

  it("[ASVS 2.5.6] user mfa-reset removes a lost second factor, audited; refuses a user without one", async () => {
    await withDb(t, async (h) => {
      const u = await h.db
        .selectFrom("appUser")
        .select("id")
        .where("username", "=", "li.na")
        .executeTakeFirstOrThrow();
      await h.db
        .insertInto("userMfa")
        .values({ userId: u.id, secretEnc: "x", enabledAt: new Date() })
        .execute();
      await h.db.insertInto("userRecoveryCode").values({ userId: u.id, codeHash: "y" }).execute();
    });
    const r = await cli(["user", "mfa-reset", "li.na"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Second factor of li\.na removed/);
    await withDb(t, async (h) => {
      expect(await h.db.selectFrom("userMfa").select("userId").execute()).toEqual([]);
      expect(await h.db.selectFrom("userRecoveryCode").select("userId").execute()).toEqual([]);
      const ev = await h.db
        .selectFrom("auditEvent")
        .select("payload")
        .where("action", "=", "user.mfa_reset")
        .executeTakeFirstOrThrow();
      expect(ev.payload).toMatchObject({ operator: "dangan user mfa-reset" });
    });
    const again = await cli(["user", "mfa-reset", "li.na"]);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/MFA_NOT_ENABLED|two-factor|second factor/i);
  });

  it("token create prints a token once, stored only as its hash", async () => {
    const r = await cli(["token", "create", "--username", "li.na", "--name", "档案系统对接", "--days", "30"]);
    expect(r.code).toBe(0);
    const token = r.out.trim();
    expect(token).toMatch(/^dgn_/);
    await withDb(t, async (h) => {
      const row = await h.db.selectFrom("apiToken").selectAll().executeTakeFirstOrThrow();
      expect(row.tokenHash).not.toContain(token);
      expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    });
    expect((await cli(["token", "create", "--username", "li.na"])).code).toBe(2);
  });

  it("usage errors exit 2; help exits 0 and lists every command", async () => {
    expect((await dangan(["user", "add", "--bogus"])).code).toBe(2);
    const help = await dangan(["--help"]);
    expect(help.code).toBe(0);
    for (const c of [
      "migrate",
      "demo",
      "org add",
      "user add",
      "user passwd <username>",
      "token create",
      "audit verify",
      "backup <file>",
      "restore <file>",
    ])
      expect(help.out).toContain(`dangan ${c}`);
  });
});
