// Deterministic audit events for the benchmark: every run (and both database
// modes) appends the same drafts at the same times, so all of them build the
// same chain and must end on the same head hash.
import { AUDIT_ACTIONS, type AuditActor, type AuditEventDraft } from "@dangan/domain";

export const ACTOR: AuditActor = {
  userId: "00000000-0000-4000-8000-00000000a001",
  orgId: "00000000-0000-4000-8000-00000000b001",
};

const ORGS = Array.from({ length: 40 }, (_, k) => uuid(0xb000 + k));
const BASE_MS = Date.UTC(2025, 0, 1);

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** The draft for event number `i` (0-based), shaped like a real project update. */
export function draft(i: number): AuditEventDraft {
  const client = ORGS[i % ORGS.length]!;
  const agency = ORGS[(i * 7 + 3) % ORGS.length]!;
  return {
    action: AUDIT_ACTIONS[i % AUDIT_ACTIONS.length]!,
    entityType: "project",
    entityId: uuid(0x100000 + (i % 50_000)),
    payload: {
      before: { status: "draft", responsibleDepartment: "档案室", quantity: i % 1000 },
      after: { status: "active", responsibleDepartment: "综合档案科", quantity: (i % 1000) + 1 },
      reason: "按合同约定启动数字化加工,现场监督已到位。",
      stage: "scan01",
    },
    // Sorted and distinct, as appendAuditEvents stores them.
    scopeOrgIds: [...new Set([client, agency])].sort(),
  };
}

export function drafts(from: number, count: number): AuditEventDraft[] {
  return Array.from({ length: count }, (_, k) => draft(from + k));
}

/** One timestamp per transaction, as the real appender stamps a whole batch. */
export function batchTime(batchIndex: number): Date {
  return new Date(BASE_MS + batchIndex * 1000);
}
