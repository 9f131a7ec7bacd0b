// Handover catalogues: the shapes the server sends and every call the
// catalogue pages make (server: modules/catalogues).
import { ApiError, api, buildUrl, getCsrfToken, networkError, type Query } from "../../api/client.ts";
import type { Bilingual, Confirmation, Page } from "../../api/types.ts";

export type CatalogueStatus = "draft" | "confirmed" | "superseded";
export type CatalogueLevel = "item" | "box";
export type ImportStatus = "queued" | "validating" | "writing" | "succeeded" | "refused" | "failed";
export type Encoding = "auto" | "utf-8" | "gb18030" | "utf-16le";

export interface CataloguePermissions {
  readItems: boolean;
  confirm: boolean;
  withdraw: boolean;
}

export interface Catalogue {
  id: string;
  projectId: string;
  clientOrgId: string;
  agencyOrgId: string;
  title: string;
  level: CatalogueLevel;
  status: CatalogueStatus;
  sourceName: string | null;
  rowCount: number;
  quantityTotal: number;
  pagesTotal: number;
  digest: string | null;
  createdAt: string;
  confirmedAt: string | null;
  clientConfirmed: boolean;
  agencyConfirmed: boolean;
  permissions: CataloguePermissions;
}

export interface CatalogueDetail extends Catalogue {
  projectCode: string;
  projectName: string;
  clientName: string;
  agencyName: string;
  confirmations: Confirmation[];
}

export interface CatalogueItem {
  rowNo: number;
  referenceCode: string | null;
  title: string | null;
  boxNo: string | null;
  quantity: number | null;
  pages: number | null;
  year: number | null;
  retentionPeriod: string | null;
  category: string | null;
  carrier: string;
  classification: string | null;
}

export interface ImportProblem {
  row: number;
  column: string | null;
  header: string | null;
  code: string;
  clause?: string;
  value?: string;
  message: Bilingual;
}

export interface ImportJob {
  id: string;
  projectId: string;
  catalogueId: string | null;
  title: string;
  sourceName: string;
  sourceFormat: "csv" | "xlsx";
  encoding: Encoding;
  detectedEncoding: string | null;
  sizeBytes: number;
  bytesRead: number;
  status: ImportStatus;
  rowsRead: number;
  rowsWritten: number;
  problemCount: number;
  classifiedCount: number;
  problems?: ImportProblem[];
  warnings?: { header: string; message: Bilingual }[];
  error: { code: string; message: Bilingual } | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportOptions {
  title?: string | undefined;
  level?: CatalogueLevel | undefined;
  encoding?: Encoding | undefined;
  replacesCatalogueId?: string | undefined;
}

/** Multipart upload with the CSRF header; the answer is the queued job (202). */
async function upload(projectId: string, file: File, opts: ImportOptions): Promise<ImportJob> {
  const body = new FormData();
  body.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch(buildUrl(`/api/projects/${projectId}/catalogue-imports`, { ...opts }), {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { accept: "application/json", "x-csrf-token": getCsrfToken() ?? "" },
    });
  } catch {
    throw networkError();
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, json);
  return json as ImportJob;
}

export const cataloguesApi = {
  list: (projectId: string, q: Query) =>
    api.get<Page<Catalogue> & { mayImport: boolean }>(`/api/projects/${projectId}/catalogues`, q),
  get: (id: string) => api.get<CatalogueDetail>(`/api/catalogues/${id}`),
  items: (id: string, q: Query, signal?: AbortSignal) =>
    api.get<Page<CatalogueItem>>(`/api/catalogues/${id}/items`, q, signal),
  exportUrl: (id: string, q: Query) => buildUrl(`/api/catalogues/${id}/items/export.xlsx`, q),
  pdfUrl: (id: string, copy: "client" | "agency") => buildUrl(`/api/catalogues/${id}/pdf`, { copy }),
  confirm: (id: string, digest: string) =>
    api.post<{ status: CatalogueStatus }>(`/api/catalogues/${id}/confirm`, { digest }),
  withdraw: (id: string) => api.post<{ status: CatalogueStatus }>(`/api/catalogues/${id}/withdraw`),
  upload,
  job: (id: string) => api.get<ImportJob>(`/api/catalogue-imports/${id}`),
  jobs: (projectId: string, q: Query) =>
    api.get<Page<ImportJob>>(`/api/projects/${projectId}/catalogue-imports`, q),
  problemsUrl: (id: string) => `/api/catalogue-imports/${id}/problems.xlsx`,
};
