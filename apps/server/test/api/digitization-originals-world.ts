// Fixtures for the originals tests: the started demo digitization project, two
// workstations with posted people and a custodian (the site's tables), and
// uploads of volume lists.
import type { Client, TestApp } from "../harness.ts";

export const PROJECT = "基建档案数字化加工（一期）";

export async function digitizationProject(t: TestApp) {
  const p = await t.services.db
    .selectFrom("project")
    .select(["id", "status", "agencyOrgId"])
    .where("name", "=", PROJECT)
    .executeTakeFirstOrThrow();
  return p;
}

/** Two workstations (preparation, scanning), a person posted at each, a custodian and one without a post. */
export async function stationsFixture(t: TestApp, projectId: string, orgId: string, tag: string) {
  const db = t.services.db;
  const [prep, scan] = await db
    .insertInto("digitizationWorkstation")
    .values([
      { projectId, code: `${tag}-PREP`, kind: "preparation", name: `${tag} 整理工位` },
      { projectId, code: `${tag}-SCAN`, kind: "scanning", name: `${tag} 扫描工位` },
    ])
    .returning("id")
    .execute();
  const person = (name: string, n: number) => ({
    projectId,
    orgId,
    name,
    idNumber: `3101151990010${String(n).padStart(5, "0")}`,
    role: "作业",
  });
  const [custodian, preparer, scanner, idle] = await db
    .insertInto("digitizationPerson")
    .values([
      person(`${tag}保管员`, 1),
      person(`${tag}整理员`, 2),
      person(`${tag}扫描员`, 3),
      person(`${tag}闲人`, 4),
    ])
    .returning("id")
    .execute();
  await db
    .insertInto("digitizationWorkstationAssignment")
    .values([
      { workstationId: prep!.id, personId: preparer!.id, post: "整理" },
      { workstationId: scan!.id, personId: scanner!.id, post: "扫描" },
    ])
    .execute();
  return {
    prep: prep!.id,
    scan: scan!.id,
    custodian: custodian!.id,
    preparer: preparer!.id,
    scanner: scanner!.id,
    idle: idle!.id,
  };
}

export async function uploadVolumes(
  c: Client,
  projectId: string,
  filename: string,
  content: Buffer | string,
) {
  const boundary = `----dangan${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await c.request({
    method: "POST",
    url: `/api/digitization/projects/${projectId}/volumes/import`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  return { status: res.statusCode, body: res.json() };
}

export const volumeRows = (year: number, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => [
    `Z109-KJ·${year}-Y-JJ-${String(from + i).padStart(4, "0")}`,
    `测试案卷 ${from + i}`,
    String(3 + i),
    String(20 + i),
  ]);
