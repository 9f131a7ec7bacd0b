// G-2, G-13: the inspection checklist of a service type, generated from the
// clause catalogue. Every clause a person checks on site (kind check, monitor,
// or an on-site rule of the service type's annex) becomes an item, plus the
// guidance clauses every project answers to. Regulators, agencies (self-check,
// G-13) and clients (supervision, G-11) all use the same list.
import type { Clause } from "../clauses/catalogue.ts";
import type { ServiceType } from "../organisations/kinds.ts";

/** The annex of the spec whose clauses apply to a service type (arrangement and
 *  system building have no annex yet: only the guidance applies). */
export const ANNEX_OF: Record<ServiceType, string | null> = {
  custody: "custody",
  digitization: "digitization",
  arrangement: null,
  system_building: null,
};

/** Kinds of annex clauses a person verifies on site. */
export const ON_SITE_KINDS = ["check", "monitor", "rule"] as const;

/** Guidance clauses that every inspection asks about, whatever the service type
 *  (G-7: open incidents and their accountability). */
export const COMMON_ITEMS = ["G-2", "G-7", "G-9", "G-10", "G-11", "G-12", "G-13", "G-14"] as const;

/** Records-kind clauses the system can answer from its own data (see prefill.ts). */
export const SYSTEM_KNOWN = ["D-9.7", "D-9.8"] as const;

export interface ChecklistItem {
  clause: string;
  kind: string;
  module: string;
  gloss: string;
  duty: string;
}

export function buildChecklist(clauses: readonly Clause[], serviceType: ServiceType): ChecklistItem[] {
  const annex = ANNEX_OF[serviceType];
  const wanted = (c: Clause) =>
    (COMMON_ITEMS as readonly string[]).includes(c.id) ||
    (annex !== null &&
      c.module === annex &&
      ((ON_SITE_KINDS as readonly string[]).includes(c.kind) ||
        (SYSTEM_KNOWN as readonly string[]).includes(c.id)));
  return clauses
    .filter(wanted)
    .map((c) => ({ clause: c.id, kind: c.kind, module: c.module, gloss: c.gloss, duty: c.systemDuty }));
}
