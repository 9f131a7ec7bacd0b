// The movement register (D-9.11): shapes and calls.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Bilingual, Page } from "../../api/types.ts";

export type MovementKind = "intake" | "shelve" | "checkout" | "return" | "relocate" | "release";

export const MOVEMENT_KIND: Record<MovementKind, Bilingual & { color: string }> = {
  intake: { zh: "入库", en: "Intake", color: "blue" },
  shelve: { zh: "上架", en: "Shelved", color: "cyan" },
  checkout: { zh: "出库", en: "Checkout", color: "orange" },
  return: { zh: "归库", en: "Return", color: "green" },
  relocate: { zh: "归位/移位", en: "Re-shelved / moved", color: "purple" },
  release: { zh: "退还委托方", en: "Released to client", color: "default" },
};

export interface Movement {
  id: string;
  at: string;
  kind: MovementKind;
  note: string | null;
  referenceType: string | null;
  referenceId: string | null;
  boxId: string;
  boxNo: string;
  barcode: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  clientName: string;
  agencyName: string;
  fromLocation: string | null;
  fromVault: string | null;
  toLocation: string | null;
  toVault: string | null;
  byName: string | null;
}

export interface MovementFacets {
  projects: { id: string; code: string; name: string; clientOrgId: string }[];
  clients: { id: string; name: string }[];
  vaults: { id: string; code: string; name: string }[];
}

export const movementsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<Movement>>("/api/movements", q, signal),
  facets: () => api.get<MovementFacets>("/api/movements/facets"),
  exportUrl: (q: Query) => buildUrl("/api/movements/export.xlsx", q),
};
