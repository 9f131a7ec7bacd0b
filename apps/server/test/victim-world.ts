// An isolated client and agency in Chongming, which no demo organisation
// supervises or works with: everything here is foreign data to every demo
// user except the city regulator.
import { Readable } from "node:stream";
import { systemActor, type UserActor } from "@dangan/domain";
import { demoPdf } from "../src/demo/demo-pdf.ts";
import { DEMO_PASSWORD } from "../src/demo/demo-world.ts";
import type { Services } from "../src/services.ts";

export interface Victim {
  clientId: string;
  agencyId: string;
  userId: string;
  projectId: string;
  contractId: string;
  ledgerEntryId: string;
  attachmentId: string;
  confirmationId: string;
  tokenId: string;
  incidentId: string;
  /** Strings that must never appear in a foreign response. */
  markers: string[];
}

export async function createVictim(s: Services): Promise<Victim> {
  const op = systemActor("test victim world");
  const client = await s.organisations.create(op, {
    kind: "client",
    name: "崇明秘档委托单位（隔离）",
    district: "chongming",
    contactPhone: "13700000000",
  });
  const agency = await s.organisations.create(op, {
    kind: "agency",
    name: "崇明隔离托管公司",
    district: "chongming",
    serviceTypes: ["custody"],
    licenceNumber: "310230000000001",
  });
  const user = await s.users.create(op, {
    orgId: client.id,
    username: "victim.officer",
    displayName: "隔离管理员",
    roles: ["client_archive_officer", "client_admin"],
    password: DEMO_PASSWORD,
  });
  const actor: UserActor = {
    type: "user",
    userId: user.id,
    orgId: client.id,
    orgKind: "client",
    roles: ["client_archive_officer", "client_admin"],
    regulatorLevel: null,
    supervisedDistricts: [],
  };
  const project = await s.projects.create(actor, {
    name: "崇明隔离项目XYZZY",
    clientOrgId: client.id,
    agencyOrgId: agency.id,
    serviceType: "custody",
    hasClassified: false,
    hasNationalScope: true,
    responsibleLeader: "隔离领导",
    responsibleDepartment: "隔离部门",
  });
  const contract = await s.db
    .selectFrom("contract")
    .select("id")
    .where("projectId", "=", project.id)
    .executeTakeFirstOrThrow();
  const entry = await s.ledger.add(actor, project.id, {
    kind: "problem",
    occurredOn: "2026-01-02",
    summary: "隔离问题PLUGH",
  });
  const att = await s.attachments.add(actor, "project", project.id, {
    filename: "隔离.pdf",
    stream: Readable.from(demoPdf("victim")),
  });
  const conf = await s.confirmations.confirm(actor, {
    entityType: "project",
    entityId: project.id,
    documentKind: "contract",
    attachmentId: att.id,
  });
  const token = await s.auth.createToken(actor, "victim token", 30);
  const incidentId = await s.incidents.open(actor, {
    projectId: project.id,
    kind: "damage",
    severity: "major",
    title: "隔离事故QUUX",
  });
  return {
    clientId: client.id,
    agencyId: agency.id,
    userId: user.id,
    projectId: project.id,
    contractId: contract.id,
    ledgerEntryId: entry.id,
    attachmentId: att.id,
    confirmationId: conf.id,
    tokenId: token.id,
    incidentId,
    markers: [project.id, "XYZZY", "PLUGH", "QUUX", "崇明秘档委托单位", user.id, att.sm3, token.id],
  };
}
