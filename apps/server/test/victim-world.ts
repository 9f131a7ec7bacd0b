// An isolated client and agency in Chongming, which no demo organisation
// supervises or works with: everything here is foreign data to every demo
// user except the city regulator.
import { Readable } from "node:stream";
import { systemActor, type UserActor } from "@dangan/domain";
import { demoPdf } from "../src/demo/demo-pdf.ts";
import { DEMO_PASSWORD } from "../src/demo/demo-world.ts";
import type { Services } from "../src/services.ts";
import { victimPageText } from "./support/page-text-victim.ts";
import { type VictimDigitizationQc, victimDigitizationQc } from "./support/qc-victim.ts";
import { CATALOGUE_MARKERS, type VictimCatalogue, victimCatalogue } from "./victim-catalogue.ts";
import {
  type VictimDigitizationOriginals,
  victimDigitizationOriginals,
} from "./victim-digitization-originals.ts";
import { type VictimDigitizationSite, victimDigitizationSite } from "./victim-digitization-site.ts";
import { ENVIRONMENT_MARKERS, type VictimEnvironment, victimEnvironment } from "./victim-environment.ts";
import { INTAKE_MARKERS, type VictimIntake, victimIntake } from "./victim-intake.ts";
import { INVENTORY_MARKERS, type VictimInventory, victimInventory } from "./victim-inventory.ts";
import { OVERSIGHT_MARKERS, type VictimOversight, victimOversight } from "./victim-oversight.ts";
import { type VictimRegistry, victimRegistry } from "./victim-registry.ts";
import { RETRIEVAL_MARKERS, type VictimRetrieval, victimRetrieval } from "./victim-retrieval.ts";
import { type VictimUseServices, victimUseServices } from "./victim-use-services.ts";

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
  /** Facilities of the victim agency. */
  facilities: VictimFacilities;
  /** Inventory checks and movements of the victim agency. */
  inventory: VictimInventory;
  /** The victim client's handover catalogue and its import. */
  catalogue: VictimCatalogue;
  /** An intake batch with a box, a condition problem and a content file. */
  intake: VictimIntake;
  /** A sensor, its readings and alert, agency limits and a vault entry with a visitor. */
  environment: VictimEnvironment;
  /** The victim's own district regulator: an inspection, finding, order, notice and plan. */
  oversight: VictimOversight;
  /** A written grant, the client's own use request and a reading session (D-10). */
  retrieval: VictimRetrieval;
  /** A loan with a scan job, a delivered copy and a return check with a discrepancy (D-10.6, D-11.1). */
  useServices: VictimUseServices;
  /** Volumes, a batch, a handover list and a stop of the victim project (Z-6.1–Z-8.1). */
  digitizationOriginals: VictimDigitizationOriginals;
  /** The victim client's own digitization project and site (Z-5.5–Z-8.3). */
  digitizationSite: VictimDigitizationSite;
  /** A checked delivery of the victim batch with a sample, defect and correction (Z-7.4). */
  digitizationQc: VictimDigitizationQc;
  /** The victim project's filing with the regulator (G-7). */
  registry: VictimRegistry;
  /** Strings that must never appear in a foreign response. */
  markers: string[];
}

export interface VictimFacilities {
  siteId: string;
  roomId: string;
  vaultId: string;
  cameraId: string;
  fireAlarmId: string;
  equipmentId: string;
  locationId: string;
  staffId: string;
}

/** A site, vault, devices, equipment, locations and a staff member of the victim agency. */
async function victimFacilities(s: Services, agencyOrgId: string): Promise<VictimFacilities> {
  const op = systemActor("test victim world");
  const f = s.facilities;
  const site = await f.sites.create(op, {
    agencyOrgId,
    name: "崇明隔离库区WIBBLE",
    address: "崇明隔离路1号",
  });
  const room = await f.sites.addRoom(op, site.id, { roomFunction: "office", name: "隔离办公室", areaM2: 20 });
  const vault = await f.vaults.create(op, {
    siteId: site.id,
    code: "ZZ9",
    name: "隔离库房WOBBLE",
    clearHeightM: 3,
  });
  const camera = await f.security.addCamera(op, site.id, {
    code: "CAM-ZZ",
    covers: ["lift"],
    recordingAllDay: true,
    retentionDays: 90,
  });
  const alarm = await f.security.addFireAlarm(op, site.id, {
    code: "FA-ZZ",
    detector: "smoke",
    covers: ["lift"],
  });
  const equipment = await f.equipment.addToVault(op, vault.id, {
    kind: "dehumidifier",
    name: "隔离除湿机",
    checkIntervalDays: 30,
  });
  await f.locations.generate(op, vault.id, {
    ranges: [
      {
        rows: { from: 1, to: 1 },
        columns: { from: 1, to: 1 },
        sections: { from: 1, to: 1 },
        shelves: { from: 1, to: 2 },
        zone: "paper",
        capacity: 2,
      },
    ],
  });
  const location = await s.db
    .selectFrom("location")
    .select("id")
    .where("vaultId", "=", vault.id)
    .executeTakeFirstOrThrow();
  const staff = await f.staff.create(op, {
    agencyOrgId,
    name: "隔离人员FROBOZZ",
    idNumber: "310230199001011234",
    titleLevel: "intermediate",
    archiveProfessional: true,
  });
  return {
    siteId: site.id,
    roomId: room.id,
    vaultId: vault.id,
    cameraId: camera.id,
    fireAlarmId: alarm.id,
    equipmentId: equipment.id,
    locationId: location.id,
    staffId: staff.id,
  };
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
  const facilities = await victimFacilities(s, agency.id);
  const inventory = await victimInventory(s, {
    agencyId: agency.id,
    clientId: client.id,
    projectId: project.id,
  });
  const catalogue = await victimCatalogue(s, actor, project.id);
  const intake = await victimIntake(s, {
    projectId: project.id,
    clientId: client.id,
    agencyId: agency.id,
    catalogueId: catalogue.catalogueId,
  });
  const oversight = await victimOversight(s, project.id);
  const retrieval = await victimRetrieval(s, actor, {
    projectId: project.id,
    roomId: facilities.roomId,
    cameraId: facilities.cameraId,
  });
  const useServices = await victimUseServices(s, {
    projectId: project.id,
    clientId: client.id,
    agencyId: agency.id,
    clientUserId: user.id,
    keeperId: inventory.keeperIds[0]!,
    cameraId: facilities.cameraId,
  });
  const environment = await victimEnvironment(s, {
    agencyId: agency.id,
    vaultId: inventory.vaultId,
    keeperIds: inventory.keeperIds,
  });
  const registry = await victimRegistry(s, project.id);
  // G-11: a failed final acceptance, with the rectification order it raised (recorded
  // as if the project were under way, then put back as it was).
  const { status } = await s.db
    .selectFrom("project")
    .select("status")
    .where("id", "=", project.id)
    .executeTakeFirstOrThrow();
  await s.db.updateTable("project").set({ status: "active" }).where("id", "=", project.id).execute();
  await s.acceptance.record(actor, project.id, { verdict: "failed", requirement: "隔离整改", confirmed: [] });
  await s.db.updateTable("project").set({ status }).where("id", "=", project.id).execute();
  const digitizationSite = await victimDigitizationSite(s, actor, client.id);
  const digitizationOriginals = await victimDigitizationOriginals(s, {
    projectId: project.id,
    agencyId: agency.id,
  });
  const digitizationQc = await victimDigitizationQc(s, {
    projectId: project.id,
    batchId: digitizationOriginals.batchId,
    volumeId: digitizationOriginals.volumeId,
  });
  await victimPageText(s, digitizationQc); // Z-7.4, D-10.2: its page text
  return {
    registry,
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
    facilities,
    inventory,
    catalogue,
    intake,
    environment,
    oversight,
    retrieval,
    useServices,
    digitizationOriginals,
    digitizationSite,
    digitizationQc,
    markers: [
      ...useServices.markers,
      ...digitizationOriginals.markers,
      ...digitizationSite.markers,
      ...digitizationQc.markers,
      project.id,
      "XYZZY",
      "PLUGH",
      "QUUX",
      "崇明秘档委托单位",
      user.id,
      att.sm3,
      token.id,
      "WIBBLE",
      "WOBBLE",
      "FROBOZZ",
      "310230199001011234",
      facilities.vaultId,
      facilities.staffId,
      ...INVENTORY_MARKERS,
      ...CATALOGUE_MARKERS,
      catalogue.catalogueId,
      inventory.boxId,
      inventory.checkId,
      ...INTAKE_MARKERS,
      intake.batchId,
      intake.boxId,
      ...ENVIRONMENT_MARKERS,
      environment.sensorId,
      environment.alertId,
      environment.entryId,
      ...OVERSIGHT_MARKERS,
      oversight.inspectionId,
      oversight.orderId,
      oversight.noticeId,
      ...RETRIEVAL_MARKERS,
      retrieval.grantId,
      retrieval.requestId,
    ],
  };
}
