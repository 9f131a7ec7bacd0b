// Recording a final acceptance (G-11, Z-8.2): it passes only with nothing open;
// a failure names what to fix and by when, and becomes a rectification order.
import { DomainError } from "../errors/domain-error.ts";
import type { AcceptanceItem } from "./checklist.ts";

/** Days the agency has to fix what a failed acceptance found, unless the client sets a date. */
export const ACCEPTANCE_RECTIFICATION_DAYS = 30;

/** Z-8.2: an acceptance cannot pass while anything on the checklist is open. */
export function assertAcceptancePassable(items: readonly AcceptanceItem[]): void {
  const open = items.filter((i) => !i.ok);
  if (open.length === 0) return;
  throw new DomainError({
    code: "ACCEPTANCE_ITEMS_OPEN",
    status: 422,
    clause: "Z-8.2",
    message: {
      zh: `尚有未完成的验收项：${open.map((i) => i.label.zh).join("；")}`,
      en: `Acceptance items still open: ${open.map((i) => i.label.en).join("; ")}`,
    },
    details: { open: open.map((i) => i.key) },
  });
}

/** Z-7.7, Z-8.2: a digitization project completes only after a passed acceptance. */
export function assertAcceptedBeforeClose(serviceType: string, passed: boolean): void {
  if (serviceType !== "digitization" || passed) return;
  throw new DomainError({
    code: "ACCEPTANCE_NOT_PASSED",
    status: 422,
    clause: "Z-8.2",
    message: {
      zh: "数字化项目须通过最终验收（含介质移交与不留存确认）方可结项",
      en: "A digitization project closes only after a passed final acceptance (media handed over, no copy kept)",
    },
  });
}

/** G-11: the final acceptance is of a project under way — not a draft, nor one already closed. */
export function assertAcceptable(projectStatus: string): void {
  if (projectStatus === "active") return;
  throw new DomainError({
    code: "PROJECT_NOT_ACTIVE",
    status: 422,
    clause: "G-11",
    message: { zh: "只有实施中的项目可以进行最终验收", en: "Only a project under way can be accepted" },
  });
}
