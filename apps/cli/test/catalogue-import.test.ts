// `dangan catalogue import`: the operator imports a client's handover catalogue;
// every check of the API applies (D-8.3), a classified row refuses it (D-4.5).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { testDbMode } from "@dangan/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dangan, newTarget, type Target, withDb } from "./helpers.ts";

const mode = testDbMode();
let t: Target;
const cli = (args: string[]) => dangan([...args, ...t.args]);
const file = (name: string, text: string) => {
  const path = join(t.dataDir, name);
  writeFileSync(path, text);
  return path;
};
const HEADER = "档号,题名,件数,页数,年度,保管期限,密级\r\n";

describe(`dangan catalogue import (${mode})`, () => {
  let project: string;
  beforeAll(async () => {
    t = await newTarget(mode);
    expect((await cli(["demo"])).code).toBe(0);
    project = await withDb(
      t,
      async (h) =>
        (
          await h.db
            .selectFrom("project")
            .select("code")
            .where("serviceType", "=", "custody")
            .orderBy("code")
            .executeTakeFirstOrThrow()
        ).code,
    );
  }, 120_000);
  afterAll(() => t.dispose());

  it("[D-8.3] imports a CSV file as the operator and says where it went", async () => {
    const path = file(
      "ok.csv",
      `${HEADER}K001-WS·2011-Y-0001,关于年度工作的通知,1,12,2011,永久,\r\nK001-WS·2011-Y-0002,会议纪要,2,8,2011,30年,内部\r\n`,
    );
    const r = await cli(["catalogue", "import", "--project", project, "--file", path, "--title", "运维导入"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Imported 2 rows into ".+" as catalogue [0-9a-f-]{36}\./);
    expect(r.err).toMatch(/Read 2 rows \(utf-8\)/);
  });

  it("[D-4.5] refuses a classified row with exit 2 and prints every problem by row and column", async () => {
    const path = file(
      "bad.csv",
      `${HEADER}K002-WS·2011-Y-0001,某文件,1,1,2011,永久,秘密\r\nK002-WS·2011-Y-0002,,x,1,2011,永久,\r\n`,
    );
    const r = await cli(["catalogue", "import", "--project", project, "--file", path]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CLASSIFIED_ARCHIVES_FORBIDDEN/);
    expect(r.err).toMatch(/row 2, 密级 \[D-4\.5\]: 第2行“密级”：涉及国家秘密的档案禁止寄存、托管/);
    expect(r.err).toMatch(/row 3, 题名 \[D-8\.3\]: .* \/ Row 3, title: required value is empty/);
    expect(r.err).toMatch(/row 3, 件数: .* \/ Row 3, quantity: must be a whole number/);
    const n = await withDb(t, async (h) =>
      Number(
        (
          await h.db
            .selectFrom("catalogueItem")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("referenceCode", "like", "K002%")
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(n).toBe(0);
  });

  it("[D-8.3] refuses an unknown project code and a missing file with exit 2", async () => {
    expect(
      (await cli(["catalogue", "import", "--project", "P1999-9999", "--file", file("x.csv", HEADER)])).code,
    ).toBe(2);
    expect(
      (await cli(["catalogue", "import", "--project", project, "--file", "/nonexistent.csv"])).code,
    ).toBe(2);
  });
});
