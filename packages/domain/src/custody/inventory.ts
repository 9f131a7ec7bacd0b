// D-9.8: inventory checks — plans (period, scope, method, requirements) and the
// classification of what was found on the shelves against what the register says.
import { z } from "zod";
import { DomainError, type ErrorStatus } from "../errors/domain-error.ts";
import { classifyScan, type InventoryResult } from "./safekeeping.ts";

export const INVENTORY_METHODS = ["full", "sample", "by_client"] as const;
export type InventoryMethod = (typeof INVENTORY_METHODS)[number];
export const TREATMENT_KINDS = ["pests", "mould", "other"] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

/** At least twice a calendar year (D-9.8): a plan's period is at most six months. */
export const MAX_PERIOD_MONTHS = 6;

const planFields = {
  title: z.string().trim().min(1).max(200),
  method: z.enum(INVENTORY_METHODS),
  periodMonths: z.number().int().min(1).max(24),
  nextDueOn: z.iso.date(),
  requirements: z.string().trim().max(4000).optional(),
};

export const inventoryPlanCreateSchema = z
  .object({ vaultId: z.uuid(), clientOrgId: z.uuid().optional(), ...planFields })
  .strict();
export type InventoryPlanCreate = z.infer<typeof inventoryPlanCreateSchema>;

export const inventoryPlanUpdateSchema = z
  .object({ ...planFields, active: z.boolean() })
  .partial()
  .strict();
export type InventoryPlanUpdate = z.infer<typeof inventoryPlanUpdateSchema>;

export const inventoryCheckStartSchema = z
  .object({
    planId: z.uuid(),
    staffUserIds: z.array(z.uuid()).min(1).max(20),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type InventoryCheckStart = z.infer<typeof inventoryCheckStartSchema>;

export const treatmentFindingSchema = z
  .object({
    barcode: z.string().trim().min(1).max(100),
    kind: z.enum(TREATMENT_KINDS),
    note: z.string().trim().min(1).max(2000),
  })
  .strict();
export type TreatmentFinding = z.infer<typeof treatmentFindingSchema>;

const refuse = (code: string, zh: string, en: string, status: ErrorStatus = 422) =>
  new DomainError({ code, status, clause: "D-9.8", message: { zh, en } });

/** D-9.8: a plan names its period (at most six months) and, checked by client, the client. */
export function assertInventoryPlan(
  p: { method?: InventoryMethod; periodMonths?: number },
  clientOrgId?: string | null,
) {
  if (p.periodMonths !== undefined && p.periodMonths > MAX_PERIOD_MONTHS)
    throw refuse(
      "INVENTORY_PERIOD_TOO_LONG",
      "检查盘点每年不少于2次，盘点周期不得超过6个月",
      "Inventory checks run at least twice a year: the period may not exceed six months",
    );
  if (p.method === "by_client" && !clientOrgId)
    throw refuse(
      "INVENTORY_CLIENT_REQUIRED",
      "按委托方盘点须指定委托方",
      "A check by client names the client",
    );
}

/** The next due date: the period after the day a check completed. */
export function nextDueAfter(completedOn: string, periodMonths: number): string {
  const [y, m, d] = completedOn.split("-").map(Number) as [number, number, number];
  const month = m - 1 + periodMonths;
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** A box the register knows; `inScope` when it belongs to the checked agency (and client). */
export interface RegisteredBox {
  boxId: string;
  barcode: string;
  /** Where the register says the box is (null: not on a shelf, e.g. checked out). */
  locationId: string | null;
  inScope: boolean;
}

export interface ShelfScan {
  barcode: string;
  locationId: string;
}

export interface InventoryOutcome {
  barcode: string;
  boxId: string | null;
  result: InventoryResult;
  expectedLocationId: string | null;
  foundLocationId: string | null;
}

/**
 * The results of a check. Boxes registered at a location of the vault and not
 * scanned are missing — for a sample count only at the shelves examined.
 */
export function inventoryOutcomes(input: {
  method: InventoryMethod;
  vaultLocationIds: ReadonlySet<string>;
  examinedLocationIds: ReadonlySet<string>;
  boxes: readonly RegisteredBox[];
  scans: readonly ShelfScan[];
}): InventoryOutcome[] {
  const byBarcode = new Map(input.boxes.map((b) => [b.barcode, b]));
  const scanned = new Set<string>();
  const out: InventoryOutcome[] = [];
  for (const s of input.scans) {
    scanned.add(s.barcode);
    const box = byBarcode.get(s.barcode);
    const known = !!box?.inScope;
    const result = classifyScan(known && box.locationId === s.locationId, true, known);
    out.push({
      barcode: s.barcode,
      boxId: known ? box.boxId : null,
      result,
      expectedLocationId: known ? box.locationId : null,
      foundLocationId: s.locationId,
    });
  }
  for (const b of input.boxes) {
    if (!b.inScope || scanned.has(b.barcode) || !b.locationId) continue;
    if (!input.vaultLocationIds.has(b.locationId)) continue;
    if (input.method === "sample" && !input.examinedLocationIds.has(b.locationId)) continue;
    out.push({
      barcode: b.barcode,
      boxId: b.boxId,
      result: classifyScan(true, false, true),
      expectedLocationId: b.locationId,
      foundLocationId: null,
    });
  }
  return out;
}

export function countOutcomes(
  outcomes: readonly { result: InventoryResult }[],
): Record<InventoryResult, number> {
  const counts = { present: 0, missing: 0, misplaced: 0, unexpected: 0 };
  for (const o of outcomes) counts[o.result]++;
  return counts;
}
