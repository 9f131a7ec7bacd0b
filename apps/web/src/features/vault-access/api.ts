// The vault entry log API (D-9.9, D-9.10), typed for these pages.
import { api, buildUrl, type Query } from "../../api/client.ts";
import type { Page } from "../../api/types.ts";

export interface Person {
  kind: "staff" | "visitor";
  userId: string | null;
  name: string;
  organisation: string | null;
  /** Always masked by the server. */
  idNumber: string | null;
  purpose: string | null;
}

export interface Entry {
  id: string;
  vaultId: string;
  vaultCode: string;
  vaultName: string;
  agencyName: string;
  purpose: string;
  enteredAt: string;
  exitedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvalNote: string | null;
  recordedByName: string | null;
  exitNote: string | null;
  people: Person[];
}

export interface Visitor {
  name: string;
  organisation: string;
  idNumber: string;
  purpose: string;
}

export interface EntryBody {
  purpose: string;
  enteredAt?: string;
  staffUserIds: string[];
  visitors: Visitor[];
  approvedByUserId?: string;
  approvalNote?: string;
}

const V = (id: string) => `/api/vault-access/vaults/${id}`;

export const vaultAccessApi = {
  entries: (vaultId: string, q: Query, signal?: AbortSignal) =>
    api.get<Page<Entry>>(`${V(vaultId)}/entries`, q, signal),
  exportUrl: (vaultId: string, q: Query) => buildUrl(`${V(vaultId)}/entries/export.xlsx`, q),
  inside: () => api.get<{ items: Entry[] }>("/api/vault-access/inside"),
  people: (vaultId: string) =>
    api.get<{
      staff: { id: string; displayName: string; roles: string[] }[];
      leaders: { id: string; displayName: string }[];
    }>(`${V(vaultId)}/people`),
  record: (vaultId: string, body: EntryBody) => api.post<{ id: string }>(`${V(vaultId)}/entries`, body),
  exit: (entryId: string, note?: string) =>
    api.post<{ exitedAt: string }>(`/api/vault-access/entries/${entryId}/exit`, note ? { note } : {}),
};
