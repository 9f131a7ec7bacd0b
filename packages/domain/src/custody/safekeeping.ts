// D-9.9, D-9.10: who may enter a vault. D-9.8: inventory checks twice a year.
// D-9.1: audiovisual and electronic carriers only in their own zones.
import { DomainError } from "../errors/domain-error.ts";
import type { CarrierZone } from "./environment.ts";

export interface VaultEntryRequest {
  /** Agency staff entering together (distinct user ids). */
  staffUserIds: readonly string[];
  /** People who are not vault staff (visitors, client staff, contractors). */
  visitors: readonly { name: string }[];
  /** The agency leader who approved the visitors' entry, if any (D-9.10). */
  approvedByLeader: boolean;
}

/** D-9.9: at least two distinct agency staff; D-9.10: visitors need a leader's approval. */
export function assertVaultEntryAllowed(e: VaultEntryRequest): void {
  if (new Set(e.staffUserIds).size < 2) {
    throw new DomainError({
      code: "TWO_PERSON_RULE",
      status: 422,
      clause: "D-9.9",
      message: {
        zh: "进入库房应实行双人制，至少两名工作人员共同进出",
        en: "Vault entry needs at least two staff entering together",
      },
    });
  }
  if (e.visitors.length > 0 && !e.approvedByLeader) {
    throw new DomainError({
      code: "VISITOR_NOT_APPROVED",
      status: 422,
      clause: "D-9.10",
      message: {
        zh: "非库房工作人员进入库房须经机构领导同意",
        en: "Others may enter a vault only with an agency leader's approval",
      },
    });
  }
}

/** Carriers that must be shelved in a zone of their own kind (D-9.1). */
const ZONED: Record<string, CarrierZone[]> = {
  audiovisual: ["audiovisual_tape", "copy_film", "master_film"],
  film: ["copy_film", "master_film"],
  magnetic_tape: ["audiovisual_tape"],
  optical_disc: ["optical_disc", "electronic"],
  electronic: ["electronic", "optical_disc"],
};

export function assertZoneFitsCarrier(carrier: string, zone: CarrierZone): void {
  const allowed = ZONED[carrier];
  if (!allowed || allowed.includes(zone)) return;
  throw new DomainError({
    code: "CARRIER_ZONE_MISMATCH",
    status: 422,
    clause: "D-9.1",
    message: {
      zh: "音像、电子载体档案只能存放在其专用区域",
      en: "Audiovisual and electronic carriers may only be shelved in their own zones",
    },
    details: { carrier, zone, allowed },
  });
}

/** D-9.8: vaults checked fewer than twice in a calendar year. */
export function inventoryShortfall(completedChecksThisYear: number): number {
  return Math.max(0, 2 - completedChecksThisYear);
}

export type InventoryResult = "present" | "missing" | "misplaced" | "unexpected";

/** Classifies a box against what the location should hold. */
export function classifyScan(
  expectedHere: boolean,
  foundHere: boolean,
  heldByClient: boolean,
): InventoryResult {
  if (expectedHere && foundHere) return "present";
  if (expectedHere && !foundHere) return "missing";
  return heldByClient ? "misplaced" : "unexpected";
}
