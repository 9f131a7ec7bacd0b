// What the registry, filings and incident registers ask of each party, as
// counts for the home pages (G-7): filings waiting or returned, deposits not
// filed, incidents open, and for regulators open incidents by agency.
import { api } from "../../api/client.ts";
import type { OrgKind, Page } from "../../api/types.ts";
import type { AgencyRow } from "../registry/api.ts";

const total = (path: string, q: Record<string, string>) =>
  api.get<Page<unknown>>(path, { ...q, pageSize: 1 }).then((p) => p.total);

export async function loadAsked(kind: OrgKind) {
  const [submitted, returned, verified, unfiled, incidentsOpen, investigating, agencies] = await Promise.all([
    total("/api/filings", { status: "submitted" }),
    total("/api/filings", { status: "returned" }),
    total("/api/filings", { status: "verified" }),
    api.get<{ items: unknown[] }>("/api/filings/unfiled").then((r) => r.items.length),
    total("/api/incidents", { status: "open" }),
    total("/api/incidents", { status: "investigating" }),
    kind === "regulator"
      ? api.get<Page<AgencyRow>>("/api/registry/agencies", { pageSize: 200 }).then((p) => p.items)
      : Promise.resolve([] as AgencyRow[]),
  ]);
  return {
    filings: { submitted, returned, verified, unfiled },
    incidents: { open: incidentsOpen, investigating },
    incidentsByAgency: agencies
      .filter((a) => a.openIncidentCount > 0)
      .sort((a, b) => b.openIncidentCount - a.openIncidentCount)
      .slice(0, 8),
  };
}
