// Catalogue search (server: modules/catalogue-search).
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

export interface SearchItem {
  id: string;
  projectId: string;
  projectName: string;
  projectCode: string;
  referenceCode: string | null;
  title: string | null;
  year: number | null;
  category: string | null;
  retentionPeriod: string | null;
  boxId: string | null;
  boxNo: string | null;
  quantity: number | null;
  pages: number | null;
}

export interface SearchPage extends Page<SearchItem> {
  totalCapped: boolean;
  titleMode: "bigrams" | "scan" | null;
}

export interface SearchProject {
  id: string;
  name: string;
  code: string;
  clientName: string;
}

export const catalogueSearchApi = {
  items: (query: Query, signal?: AbortSignal) =>
    api.get<SearchPage>("/api/catalogue-search/items", query, signal),
  projects: (signal?: AbortSignal) =>
    api.get<{ items: SearchProject[] }>("/api/catalogue-search/projects", undefined, signal),
  exportUrl: (query: Query) => buildUrl("/api/catalogue-search/items/export.xlsx", query),
};
