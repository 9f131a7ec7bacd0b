// Catalogue search (D-10.1, D-10.2, D-8.10): a foreigner finds none of the victim's items.
import type { Victim } from "../../victim-world.ts";
import type { Expect } from "./types.ts";

// The victim item is titled 隔离条目ZORKMID, code C999-WS·2011-Y-0001.
const q = (_v: Victim) => `q=${encodeURIComponent("隔离条目")}&ref=C999`;

export const CATALOGUE_SEARCH_MATRIX: Record<string, Expect> = {
  "GET /api/catalogue-search/items": { kind: "list", url: (v) => `/api/catalogue-search/items?${q(v)}` },
  "GET /api/catalogue-search/items/export.xlsx": {
    kind: "list",
    url: (v) => `/api/catalogue-search/items/export.xlsx?${q(v)}`,
  },
  "GET /api/catalogue-search/projects": { kind: "list", url: () => "/api/catalogue-search/projects" },
};
