// One line per audit event's payload, for tables; the full JSON stays one click away.
import type { AuditEvent, Bilingual, LedgerKind, ProjectAction, ProjectStatus } from "../../api/types.ts";
import type { Dict } from "../../i18n/dict.ts";
import { LEDGER_KIND, PROJECT_ACTION, PROJECT_STATUS } from "../../i18n/labels.ts";

type Pick = (m: Bilingual | null | undefined) => string;

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
const short = (hash: unknown) => (typeof hash === "string" ? `${hash.slice(0, 10)}…` : "");

/** A changed field's name in the current language, when the dictionary knows it. */
function fieldName(t: Dict, entityType: string, key: string): string {
  const tables: Record<string, unknown> = {
    organisation: t.orgs,
    user: t.users,
    contract: t.contract,
    project: t.projects,
  };
  const v = (tables[entityType] as Record<string, unknown> | undefined)?.[key];
  return typeof v === "string" ? v : key;
}

function generic(p: Record<string, unknown>): string {
  return Object.entries(p)
    .filter(
      ([k, v]) => ["string", "number", "boolean"].includes(typeof v) && !k.endsWith("Id") && k !== "operator",
    )
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v).slice(0, 40)}`)
    .join(" · ");
}

export function summarisePayload(
  e: AuditEvent,
  t: Dict,
  pick: Pick,
  serviceType: (s: string) => string,
): string {
  const p = e.payload ?? {};
  const keys = (o: unknown) =>
    o && typeof o === "object"
      ? Object.keys(o)
          .map((k) => fieldName(t, e.entityType, k))
          .join(t.common.listSeparator)
      : "";
  switch (e.action) {
    case "project.created":
      return [str(p.code), str(p.name), p.serviceType ? serviceType(str(p.serviceType)) : ""]
        .filter(Boolean)
        .join(" · ");
    case "project.transitioned": {
      const from = PROJECT_STATUS[p.from as ProjectStatus];
      const to = PROJECT_STATUS[p.to as ProjectStatus];
      const action = PROJECT_ACTION[p.action as ProjectAction];
      return `${action ? pick(action) : str(p.action)}: ${from ? pick(from) : str(p.from)} → ${to ? pick(to) : str(p.to)}${p.note ? ` · ${str(p.note)}` : ""}`;
    }
    case "project.updated":
    case "organisation.updated":
    case "organisation.standing_changed":
      return `Δ ${keys(p.changes)}`;
    case "contract.saved":
      return `Δ ${keys(p.fields)}`;
    case "contract.signed":
      return `${str(p.signedOn)} · SM3 ${short(p.documentSm3)}`;
    case "ledger.entry_added": {
      const k = LEDGER_KIND[p.kind as LedgerKind];
      return `${k ? pick(k) : str(p.kind)}: ${str(p.summary)}${p.clauseId ? ` [${str(p.clauseId)}]` : ""}`;
    }
    case "attachment.added":
      return `${str(p.filename)} · SM3 ${short(p.sm3)}`;
    case "confirmation.signed":
      return `${str(p.documentKind)} · SM3 ${short(p.documentDigest)}`;
    case "organisation.created":
      return str(p.name);
    case "user.created":
      return `${str(p.username)} ${str(p.displayName)}`;
    case "user.updated":
      return `Δ ${keys(Object.fromEntries(Object.entries(p).filter(([k]) => k !== "operator")))}`;
    case "auth.signed_in":
    case "auth.signed_out":
      return p.ip ? `IP ${str(p.ip)}` : "—";
    case "api_token.created":
      return `${str(p.name)} (${str(p.prefix)}…)`;
    default:
      return generic(p) || "—";
  }
}
