// A vault of the demo custody agency for the environment and vault-access
// tests, written straight into the custody core tables (0002) so these tests
// do not depend on the facilities module: a site, a vault with paper and tape
// shelves, and optionally a box of client A on one of them.
import { randomBytes } from "node:crypto";
import type { TestApp } from "../harness.ts";

export const CUSTODY = "上海安存档案寄存托管有限公司（演示）";
export const CLIENT_A = "上海申城建设集团有限公司（演示）";

export interface TestVault {
  vaultId: string;
  agencyId: string;
  paperLocationId: string;
}

export async function makeVault(t: TestApp, agencyName = CUSTODY, code?: string): Promise<TestVault> {
  const db = t.services.db;
  const agencyId = t.ids[agencyName]!;
  const suffix = randomBytes(3).toString("hex");
  const site = await db
    .insertInto("site")
    .values({
      agencyOrgId: agencyId,
      name: `测试园区${suffix}`,
      district: "jiading",
      address: "嘉定区测试路1号",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const vault = await db
    .insertInto("vault")
    .values({ agencyOrgId: agencyId, siteId: site.id, code: code ?? `T${suffix}`, name: `测试库房${suffix}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const shelves = [
    { row: 1, zone: "paper", capacity: 40 },
    { row: 2, zone: "paper", capacity: 40 },
    { row: 3, zone: "audiovisual_tape", capacity: 10 },
  ];
  const locations = await db
    .insertInto("location")
    .values(
      shelves.map((s) => ({
        vaultId: vault.id,
        code: `${suffix}-${s.row}`,
        rowNo: s.row,
        columnNo: 1,
        sectionNo: 1,
        shelfNo: 1,
        zone: s.zone,
        capacity: s.capacity,
      })),
    )
    .returning("id")
    .execute();
  return { vaultId: vault.id, agencyId, paperLocationId: locations[0]!.id };
}

/** A shelved box of client A's custody project with the custody agency. */
export async function clientBoxIn(t: TestApp, locationId: string): Promise<string> {
  const db = t.services.db;
  const project = await db
    .selectFrom("project")
    .select(["id", "clientOrgId", "agencyOrgId"])
    .where("clientOrgId", "=", t.ids[CLIENT_A]!)
    .where("agencyOrgId", "=", t.ids[CUSTODY]!)
    .executeTakeFirstOrThrow();
  const n = randomBytes(3).toString("hex");
  const box = await db
    .insertInto("box")
    .values({
      projectId: project.id,
      clientOrgId: project.clientOrgId,
      agencyOrgId: project.agencyOrgId,
      boxNo: `ENV-${n}`,
      barcode: `ENV${n}`,
      kind: "storage",
      status: "shelved",
      locationId,
      homeLocationId: locationId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return box.id;
}

/** A CSV upload through the real multipart route. */
export function csvUpload(csv: string, filename = "readings.csv") {
  const boundary = `----dangan${randomBytes(6).toString("hex")}`;
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
