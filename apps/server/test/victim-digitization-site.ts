// The victim client's digitization site (Z-5.5–Z-8.3): its own digitization
// agency and project in Chongming, with a workstation, people, an entry, a
// camera, a device with a port, a take-out, a medium and a handover, through
// the real services as the operator. None of it may reach a foreign user.
import { sha256Hex, sm3Hex, systemActor, type UserActor } from "@dangan/domain";
import type { Services } from "../src/services.ts";

export interface VictimDigitizationSite {
  projectId: string;
  workstationId: string;
  personId: string;
  entryId: string;
  cameraId: string;
  deviceId: string;
  exitId: string;
  portId: string;
  handoverId: string;
  markers: string[];
}

export const DIGITIZATION_SITE_MARKERS = [
  "隔离数字化项目FNORD",
  "隔离扫描工位BLORB",
  "隔离作业员YOINK",
  "310230199101019876",
  "VBADGE-77",
  "VSERIAL-KLAATU",
  "隔离介质GLORF",
];

export async function victimDigitizationSite(
  s: Services,
  officer: UserActor,
  clientId: string,
): Promise<VictimDigitizationSite> {
  const op = systemActor("test victim world");
  const M = DIGITIZATION_SITE_MARKERS;
  const agency = await s.organisations.create(op, {
    kind: "agency",
    name: "崇明隔离数字化公司",
    district: "chongming",
    serviceTypes: ["digitization"],
    licenceNumber: "310230000000002",
  });
  const project = await s.projects.create(officer, {
    name: M[0]!,
    clientOrgId: clientId,
    agencyOrgId: agency.id,
    serviceType: "digitization",
    hasClassified: false,
    hasNationalScope: false,
    responsibleLeader: "隔离领导",
    responsibleDepartment: "隔离部门",
    siteKind: "client_premises",
    siteAddress: "崇明隔离路2号",
  });
  const d = s.digitizationSite;
  const pid = project.id;
  const ws = await d.createWorkstation(op, pid, { code: "VW-1", kind: "scanning", name: M[1]! });
  const person = await d.register(op, pid, { name: M[2]!, idNumber: M[3]!, badgeNo: M[4]!, role: "扫描" });
  await d.assign(op, ws.id, { personId: person.id, post: "扫描员" });
  const entry = await d.checkIn(op, pid, { personId: person.id, declaredItems: [], foundItems: [] });
  const camera = await d.registerCamera(op, pid, { label: "VCAM-1", workstationId: ws.id });
  const device = await d.registerDevice(op, pid, {
    kind: "computer",
    name: "隔离电脑",
    serial: M[5]!,
    owner: "agency",
    storesData: true,
    custodianPersonId: person.id,
  });
  const port = await d.registerPort(op, device.id, { kind: "usb", label: "VUSB", state: "sealed" });
  const exit = await d.requestExit(op, device.id, { reason: "隔离送修" });
  const media = await d.registerMedia(op, pid, {
    label: M[6]!,
    kind: "hdd",
    capacityGb: 100,
    purpose: "results",
  });
  const content = "victim page";
  const handover = await d.handOver(op, pid, {
    mediaIds: [media.id],
    receivedByName: "隔离接收人",
    files: [{ path: "V/1.tif", sizeBytes: content.length, sm3: sm3Hex(content), sha256: sha256Hex(content) }],
  });
  return {
    projectId: pid,
    workstationId: ws.id,
    personId: person.id,
    entryId: entry.id,
    cameraId: camera.id,
    deviceId: device.id,
    exitId: exit.id,
    portId: port.id,
    handoverId: handover.id,
    markers: [...M, pid, person.id, device.id, handover.id],
  };
}
