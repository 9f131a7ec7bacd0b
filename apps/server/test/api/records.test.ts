// Attachments, confirmations and the audit trail of a record.
import { createPublicKey, verify } from "node:crypto";
import { testDbMode } from "@dangan/db/testing";
import { sm3Hex } from "@dangan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPdf } from "../../src/demo/demo-pdf.ts";
import { type Client, startTestApp, type TestApp } from "../harness.ts";

let t: TestApp;
let officer: Client;
let projectId: string;

function multipart(filename: string, content: Buffer) {
  const boundary = "----dangan-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

const upload = (c: Client, filename: string, content: Buffer) =>
  c.request({
    method: "POST",
    url: `/api/attachments?entityType=project&entityId=${projectId}&label=test`,
    ...multipart(filename, content),
  });

describe(`records: attachments, confirmations, audit (${testDbMode()})`, () => {
  beforeAll(async () => {
    t = await startTestApp({ config: { maxUploadBytes: 64 * 1024 } });
    officer = await t.as("client.officer");
    projectId = (await officer.get("/api/projects?serviceType=digitization")).body.items[0].id;
  });
  afterAll(() => t.close());

  it("stores an attachment by its SM3 digest and serves it back unchanged", async () => {
    const pdf = demoPdf("handover list");
    const res = await upload(officer, "交接清单.pdf", pdf);
    expect(res.statusCode).toBe(201);
    const row = res.json();
    expect(row.sm3).toBe(sm3Hex(pdf));
    expect(row.mediaType).toBe("application/pdf");
    const dl = await officer.request({ method: "GET", url: `/api/attachments/${row.id}/content` });
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers["x-content-sm3"]).toBe(row.sm3);
    expect(String(dl.headers["content-disposition"])).toContain(encodeURIComponent("交接清单.pdf"));
  });

  it("refuses a file whose content does not match its name, and one over the size limit", async () => {
    const fake = await upload(officer, "contract.pdf", Buffer.from("MZ\x90\x00 this is an executable"));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe("UNSUPPORTED_FILE_TYPE");
    const big = await upload(
      officer,
      "big.pdf",
      Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(70 * 1024, 32)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("PAYLOAD_TOO_LARGE");
    const count = await t.services.db
      .selectFrom("attachment")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("filename", "in", ["contract.pdf", "big.pdf"])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("keeps path parts out of stored file names", async () => {
    const res = await upload(officer, "../../etc/passwd.txt", Buffer.from("plain text"));
    expect(res.statusCode).toBe(201);
    expect(res.json().filename).toBe("passwd.txt");
  });

  it("[D-8.2] records a confirmation by each party over the same digest, verifiable offline", async () => {
    const att = (await upload(officer, "目录.pdf", demoPdf("catalogue"))).json();
    const leader = await t.as("client.leader");
    const agency = await t.as("digit.manager");
    for (const c of [leader, agency]) {
      const r = await c.post("/api/confirmations", {
        entityType: "project",
        entityId: projectId,
        documentKind: "handover_catalogue",
        attachmentId: att.id,
      });
      expect(r.status).toBe(201);
    }
    const list = await officer.get(`/api/confirmations?entityType=project&entityId=${projectId}`);
    const mine = list.body.items.filter((c: { documentDigest: string }) => c.documentDigest === att.sm3);
    expect(mine).toHaveLength(2);
    expect(mine.every((c: { valid: boolean }) => c.valid)).toBe(true);
    expect(new Set(mine.map((c: { orgId: string }) => c.orgId)).size).toBe(2);

    const bundle = (await officer.get(`/api/confirmations/${mine[0].id}/bundle`)).body;
    expect(bundle.statement).toContain(`document_sm3=${att.sm3}`);
    const ok = verify(
      null,
      Buffer.from(bundle.statement),
      createPublicKey(bundle.publicKeyPem),
      Buffer.from(bundle.signatureBase64, "base64"),
    );
    expect(ok).toBe(true);
    const tampered = verify(
      null,
      Buffer.from(bundle.statement.replace(att.sm3, "0".repeat(64))),
      createPublicKey(bundle.publicKeyPem),
      Buffer.from(bundle.signatureBase64, "base64"),
    );
    expect(tampered).toBe(false);
  });

  it("[D-8.2] refuses a confirmation from someone who is not a responsible person of a party", async () => {
    const operator = await t.as("digit.operator");
    const att = (await upload(officer, "x.pdf", demoPdf("x"))).json();
    const r = await operator.post("/api/confirmations", {
      entityType: "project",
      entityId: projectId,
      documentKind: "x",
      attachmentId: att.id,
    });
    expect(r.status).toBe(403);
  });

  it("[G-7] shows a record's audit trail, newest first, with hashes", async () => {
    const trail = await officer.get(`/api/audit/trail?entityType=project&entityId=${projectId}`);
    const actions = trail.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain("project.created");
    expect(actions).toContain("attachment.added");
    expect(actions).toContain("confirmation.signed");
    expect(trail.body.items[0].seq).toBeGreaterThan(trail.body.items.at(-1).seq);
    expect(trail.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("[G-7] verifies the chain over everything that happened", async () => {
    const r = await officer.post("/api/audit/verify");
    expect(r.status).toBe(403); // an archive officer is not an administrator
    const admin = await t.as("client.admin");
    const v = await admin.post("/api/audit/verify");
    expect(v.body.ok).toBe(true);
    expect(v.body.count).toBeGreaterThan(40);
  });

  it("[D-12.2] writes the audit event in the same transaction as the change", async () => {
    const before = await t.services.db
      .selectFrom("auditEvent")
      .select((eb) => eb.fn.max("seq").as("m"))
      .executeTakeFirstOrThrow();
    const bad = await officer.post(`/api/projects/${projectId}/ledger`, {
      kind: "rectification",
      occurredOn: "2026-01-01",
      summary: "x",
      resolvesEntryId: "00000000-0000-4000-8000-000000000000",
    });
    expect(bad.status).toBe(404);
    const after = await t.services.db
      .selectFrom("auditEvent")
      .select((eb) => eb.fn.max("seq").as("m"))
      .executeTakeFirstOrThrow();
    expect(after.m).toBe(before.m);
    const good = await officer.post(`/api/projects/${projectId}/ledger`, {
      kind: "supervision",
      occurredOn: "2026-01-01",
      summary: "现场检查",
    });
    const event = await t.services.db
      .selectFrom("auditEvent")
      .selectAll()
      .where("entityId", "=", good.body.id)
      .executeTakeFirstOrThrow();
    expect(event.action).toBe("ledger.entry_added");
  });
});
