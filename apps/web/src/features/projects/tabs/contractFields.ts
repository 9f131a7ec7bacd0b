// The contract's fields in display order, with their input kind.
import type { ContractField } from "../../../api/types.ts";

export type FieldKind = "text" | "textarea" | "date" | "number";

export const CONTRACT_FIELDS: { field: ContractField; kind: FieldKind; half?: boolean }[] = [
  { field: "contractNumber", kind: "text", half: true },
  { field: "content", kind: "textarea" },
  { field: "termStart", kind: "date", half: true },
  { field: "termEnd", kind: "date", half: true },
  { field: "quantity", kind: "number", half: true },
  { field: "quantityUnit", kind: "text", half: true },
  { field: "price", kind: "number", half: true },
  { field: "pricingUnit", kind: "text", half: true },
  { field: "confidentialityTerms", kind: "textarea" },
  { field: "rightsAndDuties", kind: "textarea" },
  { field: "breachLiability", kind: "textarea" },
  { field: "damageCompensation", kind: "textarea" },
  { field: "technicalStandards", kind: "textarea" },
  { field: "securityRequirements", kind: "textarea" },
];
