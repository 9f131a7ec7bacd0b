// Z-5.7: every device and item registered with a custodian; a device leaves the
// site (e.g. for repair) only with the client's approval and is tracked until
// it returns. Z-8.3: at close, client devices stay with the client and agency
// devices that store data are handed to the client.
import { refuse } from "./refuse.ts";

export const DEVICE_KINDS = [
  "scanner",
  "camera",
  "computer",
  "server",
  "storage",
  "printer",
  "network",
  "other",
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const DEVICE_OWNERS = ["client", "agency"] as const;
export type DeviceOwner = (typeof DEVICE_OWNERS)[number];

export const DEVICE_EXIT_STATUSES = ["requested", "approved", "rejected", "out", "returned"] as const;
export type DeviceExitStatus = (typeof DEVICE_EXIT_STATUSES)[number];
export type DeviceExitAction = "approve" | "reject" | "exit" | "return";

const EXIT_STEPS: Record<DeviceExitAction, { from: DeviceExitStatus; to: DeviceExitStatus }> = {
  approve: { from: "requested", to: "approved" },
  reject: { from: "requested", to: "rejected" },
  exit: { from: "approved", to: "out" },
  return: { from: "out", to: "returned" },
};

/** Z-5.7: the next status of a take-out, or the refusal (no exit without approval). */
export function deviceExitStep(status: DeviceExitStatus, action: DeviceExitAction): DeviceExitStatus {
  const step = EXIT_STEPS[action];
  if (step.from !== status) {
    if (action === "exit")
      throw refuse(
        "DEVICE_EXIT_NOT_APPROVED",
        "Z-5.7",
        "设备带出数字化场所须经委托方检查同意",
        "A device leaves the site only after the client has checked and approved it",
        { status },
      );
    throw refuse(
      "DEVICE_EXIT_STEP_INVALID",
      "Z-5.7",
      "设备带出申请当前状态不允许此操作",
      `A take-out in status ${status} cannot be ${action === "return" ? "returned" : `${action}d`}`,
      { status, action },
    );
  }
  return step.to;
}

/** Z-5.7: one open take-out per device at a time. */
export function deviceExitOpenRefusal(openStatus: DeviceExitStatus | undefined) {
  if (!openStatus) return undefined;
  return refuse(
    "DEVICE_EXIT_OPEN",
    "Z-5.7",
    "该设备已有未结束的带出申请",
    "This device already has a take-out under way",
    { status: openStatus },
  );
}

export const DISPOSITIONS = ["retained_by_client", "handed_to_client", "removed_by_agency"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export interface DeviceFact {
  id: string;
  name: string;
  serial: string;
  owner: DeviceOwner;
  storesData: boolean;
  disposition: Disposition | null;
}

/** Z-8.3: the dispositions the regulation allows for this device. */
export function allowedDispositions(d: Pick<DeviceFact, "owner" | "storesData">): Disposition[] {
  if (d.owner === "client") return ["retained_by_client"];
  return d.storesData ? ["handed_to_client"] : ["removed_by_agency", "handed_to_client"];
}

/** Z-8.3: the refusal for a disposition the device may not have, or undefined. */
export function dispositionRefusal(
  d: Pick<DeviceFact, "owner" | "storesData" | "name">,
  disposition: Disposition,
) {
  const allowed = allowedDispositions(d);
  if (allowed.includes(disposition)) return undefined;
  return d.owner === "client"
    ? refuse(
        "CLIENT_DEVICE_STAYS",
        "Z-8.3",
        `${d.name} 由委托方提供，须由委托方留存、处置`,
        `${d.name} was supplied by the client and stays with the client`,
        { allowed },
      )
    : refuse(
        "DATA_DEVICE_TO_CLIENT",
        "Z-8.3",
        `${d.name} 具有数据存储功能，须交由委托方处置，机构不得带走`,
        `${d.name} stores data; it is handed to the client and the agency may not take it away`,
        { allowed },
      );
}

/** Z-8.3: devices whose disposition at close is still open. */
export function openDispositions<T extends DeviceFact>(devices: readonly T[]): T[] {
  return devices.filter((d) => !d.disposition);
}
