// G-7: produces the filing of a national-scope deposit inside the transaction
// that made the deposit (project start, first intake), so no deposit goes
// unreported. Called by the projects service and by a client's manual filing.
import type { Tx } from "@dangan/db";
import { type AuditEventDraft, type FilingContent, filingRegulator, requiresFiling } from "@dangan/domain";
import { sql } from "kysely";

export type FilingTrigger = "project_started" | "intake" | "manual";

/** Returns the filing's id, or null when the project needs none. Idempotent. */
export async function fileDepositIn(
  trx: Tx,
  audit: { record(d: AuditEventDraft): void },
  projectId: string,
  trigger: FilingTrigger,
): Promise<string | null> {
  const p = await trx
    .selectFrom("project as p")
    .innerJoin("organisation as c", "c.id", "p.clientOrgId")
    .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
    .innerJoin("contract as k", "k.projectId", "p.id")
    .select([
      "p.id",
      "p.code",
      "p.name",
      "p.serviceType",
      "p.custodyMode",
      "p.hasNationalScope",
      "p.description",
      "p.responsibleLeader",
      "p.responsibleDepartment",
      "p.clientOrgId",
      "p.agencyOrgId",
      "c.name as clientName",
      "c.district as clientDistrict",
      "c.creditCode as clientCreditCode",
      "a.name as agencyName",
      "a.district as agencyDistrict",
      "a.licenceNumber",
      "k.contractNumber",
      "k.content as contractContent",
      "k.termStart",
      "k.termEnd",
      "k.signedOn",
      "k.quantity",
      "k.quantityUnit",
    ])
    .where("p.id", "=", projectId)
    .executeTakeFirstOrThrow();
  if (!requiresFiling(p)) return null;
  const existing = await trx
    .selectFrom("filing")
    .select("id")
    .where("projectId", "=", projectId)
    .executeTakeFirst();
  if (existing) return existing.id;

  const regulators = await trx
    .selectFrom("organisation")
    .select(["id", "regulatorLevel", "supervisedDistricts", "registrationStatus"])
    .where("kind", "=", "regulator")
    .orderBy("createdAt")
    .execute();
  const regulator = filingRegulator(p.clientDistrict, regulators);
  const content: FilingContent = {
    project: { code: p.code, name: p.name, custodyMode: p.custodyMode, description: p.description },
    client: { name: p.clientName, district: p.clientDistrict, creditCode: p.clientCreditCode },
    agency: { name: p.agencyName, district: p.agencyDistrict, licenceNumber: p.licenceNumber },
    contract: {
      number: p.contractNumber,
      content: p.contractContent,
      termStart: p.termStart,
      termEnd: p.termEnd,
      signedOn: p.signedOn,
    },
    quantity: { value: p.quantity, unit: p.quantityUnit },
    responsible: { leader: p.responsibleLeader, department: p.responsibleDepartment },
    depositedOn: new Date().toISOString().slice(0, 10),
  };
  const seq = await sql<{ n: string }>`SELECT nextval('filing_number_seq') AS n`.execute(trx);
  const filingNo = `BS-${new Date().getFullYear()}-${String(seq.rows[0]!.n).padStart(4, "0")}`;
  const row = await trx
    .insertInto("filing")
    .values({
      filingNo,
      projectId,
      clientOrgId: p.clientOrgId,
      agencyOrgId: p.agencyOrgId,
      regulatorOrgId: regulator.id,
      content: JSON.stringify(content),
      trigger,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("filingExchange")
    .values({ filingId: row.id, round: 1, kind: "submitted", text: null, orgId: p.clientOrgId })
    .execute();
  audit.record({
    action: "filing.submitted",
    entityType: "filing",
    entityId: row.id,
    payload: { filingNo, projectId, trigger, regulatorOrgId: regulator.id },
    scopeOrgIds: [p.clientOrgId, p.agencyOrgId, regulator.id],
  });
  return row.id;
}
