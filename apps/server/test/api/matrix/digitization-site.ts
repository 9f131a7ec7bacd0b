// The digitization site (Z-5.5–Z-5.8, Z-7.1, Z-7.2, Z-7.5–Z-7.7, Z-8.3) of the
// victim client's own digitization project: a foreigner gets 403/404 and none of it.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

const D = (v: Victim) => v.digitizationSite;
const B = "/api/digitization-site";
const read = (path: (v: Victim) => string): Expect => ({
  kind: "record",
  url: (v) => `${B}${path(v)}`,
  ownerStatus: 200,
});
const write = (path: (v: Victim) => string, body?: (v: Victim) => unknown): Expect => ({
  kind: "record",
  url: (v) => `${B}${path(v)}`,
  ...(body ? { body } : {}),
});
const P = (rest: string) => (v: Victim) => `/projects/${D(v).projectId}${rest}`;
const HEX = "ab".repeat(32);

export const DIGITIZATION_SITE_MATRIX: Record<string, Expect> = {
  [`GET ${B}/summary`]: { kind: "list", url: () => `${B}/summary` },
  [`GET ${B}/projects/:id/dashboard`]: read(P("/dashboard")),
  [`GET ${B}/projects/:id/handover-status`]: read(P("/handover-status")),
  [`GET ${B}/projects/:id/workstations`]: read(P("/workstations")),
  [`POST ${B}/projects/:id/workstations`]: write(P("/workstations"), () => ({
    code: "X-1",
    kind: "scanning",
    name: "越权",
  })),
  [`POST ${B}/workstations/:id/assignments`]: write(
    (v) => `/workstations/${D(v).workstationId}/assignments`,
    (v) => ({ personId: D(v).personId, post: "越权" }),
  ),
  [`GET ${B}/projects/:id/people`]: read(P("/people")),
  [`GET ${B}/projects/:id/people/export.xlsx`]: read(P("/people/export.xlsx")),
  [`POST ${B}/projects/:id/people`]: write(P("/people"), () => ({
    name: "越权",
    idNumber: "310101199001011111",
    badgeNo: "X-1",
    role: "x",
  })),
  [`POST ${B}/people/:id/revoke`]: write((v) => `/people/${D(v).personId}/revoke`),
  [`POST ${B}/people/:id/designation`]: write(
    (v) => `/people/${D(v).personId}/designation`,
    () => ({ designated: true }),
  ),
  [`GET ${B}/projects/:id/entries`]: read(P("/entries")),
  [`POST ${B}/projects/:id/entries`]: write(P("/entries"), (v) => ({ personId: D(v).personId })),
  [`POST ${B}/entries/:id/exit`]: write((v) => `/entries/${D(v).entryId}/exit`),
  [`GET ${B}/projects/:id/cameras`]: read(P("/cameras")),
  [`POST ${B}/projects/:id/cameras`]: write(P("/cameras"), () => ({ label: "越权", area: "storage" })),
  [`POST ${B}/cameras/:id/remove`]: write((v) => `/cameras/${D(v).cameraId}/remove`),
  [`GET ${B}/projects/:id/devices`]: read(P("/devices")),
  [`GET ${B}/projects/:id/devices/export.xlsx`]: read(P("/devices/export.xlsx")),
  [`POST ${B}/projects/:id/devices`]: write(P("/devices"), () => ({
    kind: "other",
    name: "越权",
    serial: "X-1",
    owner: "agency",
    storesData: false,
  })),
  [`POST ${B}/devices/:id/designation`]: write(
    (v) => `/devices/${D(v).deviceId}/designation`,
    () => ({ designated: true }),
  ),
  [`POST ${B}/devices/:id/disposition`]: write(
    (v) => `/devices/${D(v).deviceId}/disposition`,
    () => ({ disposition: "handed_to_client" }),
  ),
  [`GET ${B}/projects/:id/device-exits`]: read(P("/device-exits")),
  [`POST ${B}/devices/:id/exits`]: write(
    (v) => `/devices/${D(v).deviceId}/exits`,
    () => ({ reason: "越权" }),
  ),
  [`POST ${B}/device-exits/:id/decision`]: write(
    (v) => `/device-exits/${D(v).exitId}/decision`,
    () => ({ approve: true }),
  ),
  [`POST ${B}/device-exits/:id/exit`]: write((v) => `/device-exits/${D(v).exitId}/exit`),
  [`POST ${B}/device-exits/:id/return`]: write(
    (v) => `/device-exits/${D(v).exitId}/return`,
    () => ({}),
  ),
  [`GET ${B}/projects/:id/ports`]: read(P("/ports")),
  [`POST ${B}/devices/:id/ports`]: write(
    (v) => `/devices/${D(v).deviceId}/ports`,
    () => ({ kind: "usb", label: "越权", state: "sealed" }),
  ),
  [`POST ${B}/ports/:id/seal-tests`]: write(
    (v) => `/ports/${D(v).portId}/seal-tests`,
    () => ({ result: "intact" }),
  ),
  [`GET ${B}/projects/:id/media`]: read(P("/media")),
  [`POST ${B}/projects/:id/media`]: write(P("/media"), () => ({
    label: "越权",
    kind: "usb",
    capacityGb: 1,
    purpose: "backup",
  })),
  [`POST ${B}/projects/:id/copies`]: write(P("/copies"), (v) => ({
    deviceId: D(v).deviceId,
    personId: D(v).personId,
    action: "copy",
    description: "越权",
  })),
  [`POST ${B}/projects/:id/handovers`]: write(P("/handovers"), () => ({
    mediaIds: ["00000000-0000-4000-8000-000000000000"],
    receivedByName: "越权",
    files: [{ path: "x", sizeBytes: 1, sm3: HEX, sha256: HEX }],
  })),
  [`GET ${B}/handovers/:id`]: read((v) => `/handovers/${D(v).handoverId}`),
  [`GET ${B}/handovers/:id/manifest.csv`]: read((v) => `/handovers/${D(v).handoverId}/manifest.csv`),
  [`POST ${B}/handovers/:id/verify`]: write(
    (v) => `/handovers/${D(v).handoverId}/verify`,
    () => ({ manifest: `path,size,sm3,sha256\nx,1,${HEX},${HEX}` }),
  ),
  [`POST ${B}/handovers/:id/no-copy`]: write((v) => `/handovers/${D(v).handoverId}/no-copy`),
};
