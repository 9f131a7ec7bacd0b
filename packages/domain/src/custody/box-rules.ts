// D-8.5, D-8.6, D-8.4: numbered and labelled boxes, sealed one by one after an
// outside inspection, and held for treatment while a problem is open.
import { DomainError } from "../errors/domain-error.ts";

export const BOX_KINDS = ["transfer", "storage"] as const;
export type BoxKind = (typeof BOX_KINDS)[number];

export const BOX_STATUSES = [
  "packing",
  "sealed",
  "in_transit",
  "received",
  "shelved",
  "checked_out",
  "treatment",
  "returned_to_client",
] as const;
export type BoxStatusName = (typeof BOX_STATUSES)[number];

/** D-8.5: box numbers run per project, four digits, in the order boxes are made. */
export function nextBoxNo(existing: readonly string[]): string {
  const max = existing.reduce((m, no) => (/^\d+$/.test(no) ? Math.max(m, Number(no)) : m), 0);
  return String(max + 1).padStart(4, "0");
}

/** Unique because project codes are unique and box numbers are unique per project. */
export const boxBarcode = (projectCode: string, boxNo: string) => `${projectCode}-${boxNo}`;

/** What a scanner typed (it may add spaces, a newline, lower case) as a barcode. */
export const normaliseBarcode = (typed: string) => typed.trim().toUpperCase();

const refuse = (code: string, clause: string, zh: string, en: string) =>
  new DomainError({ code, status: 422, clause, message: { zh, en } });

/** D-8.6: a box is sealed after its outside and label passed inspection; D-8.4: not while in treatment. */
export function assertSealable(box: { status: string; itemCount: number }, outsideOk: boolean): void {
  if (box.status === "treatment")
    throw refuse(
      "BOX_IN_TREATMENT",
      "D-8.4",
      "载体有异常的档案箱须先完成技术处理，方可封箱",
      "A box held for treatment cannot be sealed until treated",
    );
  if (box.status !== "packing")
    throw refuse(
      "BOX_NOT_OPEN",
      "D-8.6",
      "只有装箱中的档案箱可以封箱",
      "Only a box being packed can be sealed",
    );
  if (box.itemCount === 0)
    throw refuse("BOX_EMPTY", "D-8.5", "空箱不能封箱", "An empty box cannot be sealed");
  if (!outsideOk)
    throw refuse(
      "OUTSIDE_INSPECTION_FAILED",
      "D-8.6",
      "档案箱外观、箱外标识经检查确认无误后方可封箱",
      "A box is sealed only after its outside and label pass inspection",
    );
}

/** Where a box returns once its treatment is recorded: packed again, or received if it was inspected. */
export const statusAfterTreatment = (inspected: boolean): BoxStatusName =>
  inspected ? "received" : "packing";

/** D-8.5: the label's item range, from the first to the last reference code (by catalogue row). */
export function itemRange(items: readonly { referenceCode: string | null }[]): string {
  const codes = items.map((i) => i.referenceCode).filter((c): c is string => !!c);
  if (codes.length === 0) return "";
  return codes.length === 1 ? codes[0]! : `${codes[0]} — ${codes[codes.length - 1]}`;
}
