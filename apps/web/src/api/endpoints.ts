// Every API call the UI makes, typed. Paths follow the server's route files.
import { api, buildUrl, type Query } from "./client.ts";
import type {
  ApiToken,
  Attachment,
  AuditEvent,
  Clause,
  Confirmation,
  Contract,
  ContractValues,
  EntityType,
  LedgerEntry,
  Me,
  Meta,
  MfaStatus,
  MfaStep,
  Organisation,
  OrganisationDetail,
  Page,
  Project,
  ProjectAction,
  ProjectDetail,
  SecondFactor,
  Session,
  User,
  VerifyResult,
} from "./types.ts";

export const metaApi = {
  get: () => api.get<Meta>("/api/meta"),
};

export const authApi = {
  session: () => api.get<Session>("/api/auth/session"),
  login: (username: string, password: string) =>
    api.post<{ csrfToken: string; me: Me } | MfaStep>("/api/auth/login", { username, password }),
  loginMfa: (challenge: string, factor: SecondFactor) =>
    api.post<{ csrfToken: string; me: Me }>("/api/auth/login/mfa", { challenge, ...factor }),
  mfaStatus: () => api.get<MfaStatus>("/api/auth/mfa"),
  mfaSetup: () => api.post<{ secret: string; otpauthUri: string }>("/api/auth/mfa/setup"),
  mfaEnable: (code: string) => api.post<{ recoveryCodes: string[] }>("/api/auth/mfa/enable", { code }),
  mfaDisable: (password: string, factor: SecondFactor) =>
    api.post<{ ok: true }>("/api/auth/mfa/disable", { password, ...factor }),
  logout: () => api.post<{ ok: true }>("/api/auth/logout"),
  changePassword: (current: string, next: string) =>
    api.post<{ ok: true }>("/api/auth/password", { current, next }),
  tokens: () => api.get<{ items: ApiToken[] }>("/api/auth/tokens"),
  createToken: (name: string, expiresInDays?: number) =>
    api.post<ApiToken & { token: string }>("/api/auth/tokens", {
      name,
      ...(expiresInDays ? { expiresInDays } : {}),
    }),
  revokeToken: (id: string) => api.delete<{ ok: true }>(`/api/auth/tokens/${id}`),
};

export const organisationsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<Organisation>>("/api/organisations", q, signal),
  exportUrl: (q: Query) => buildUrl("/api/organisations/export.xlsx", q),
  get: (id: string) => api.get<OrganisationDetail>(`/api/organisations/${id}`),
  create: (body: Record<string, unknown>) => api.post<Organisation>("/api/organisations", body),
  update: (id: string, body: Record<string, unknown>) =>
    api.patch<Organisation>(`/api/organisations/${id}`, body),
};

export const usersApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<User>>("/api/users", q, signal),
  create: (body: Record<string, unknown>) => api.post<User>("/api/users", body),
  update: (id: string, body: Record<string, unknown>) => api.patch<User>(`/api/users/${id}`, body),
  unlock: (id: string) => api.post<{ ok: true }>(`/api/users/${id}/unlock`),
  resetMfa: (id: string) => api.post<{ ok: true }>(`/api/users/${id}/mfa/reset`),
  resetPassword: (id: string, password: string) =>
    api.post<{ ok: true }>(`/api/users/${id}/password`, { password }),
};

export const projectsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<Project>>("/api/projects", q, signal),
  exportUrl: (q: Query) => buildUrl("/api/projects/export.xlsx", q),
  get: (id: string) => api.get<ProjectDetail>(`/api/projects/${id}`),
  create: (body: Record<string, unknown>) => api.post<Project>("/api/projects", body),
  update: (id: string, body: Record<string, unknown>) => api.patch<Project>(`/api/projects/${id}`, body),
  transition: (id: string, action: ProjectAction, note?: string) =>
    api.post<{ status: string }>(`/api/projects/${id}/transitions`, { action, ...(note ? { note } : {}) }),
  contract: (id: string) => api.get<Contract>(`/api/projects/${id}/contract`),
  saveContract: (id: string, body: ContractValues) => api.put<Contract>(`/api/projects/${id}/contract`, body),
  signContract: (id: string, signedDocumentId: string, signedOn: string) =>
    api.post<Contract>(`/api/projects/${id}/contract/sign`, { signedDocumentId, signedOn }),
  ledger: (id: string, q: Query) => api.get<{ items: LedgerEntry[] }>(`/api/projects/${id}/ledger`, q),
  ledgerExportUrl: (id: string, q: Query) => buildUrl(`/api/projects/${id}/ledger/export.xlsx`, q),
  addLedger: (id: string, body: Record<string, unknown>) =>
    api.post<LedgerEntry>(`/api/projects/${id}/ledger`, body),
};

export const attachmentsApi = {
  list: (entityType: EntityType, entityId: string) =>
    api.get<{ items: Attachment[] }>("/api/attachments", { entityType, entityId }),
  uploadUrl: (entityType: EntityType, entityId: string, label?: string) =>
    buildUrl("/api/attachments", { entityType, entityId, label }),
  contentUrl: (id: string) => `/api/attachments/${id}/content`,
};

export const confirmationsApi = {
  list: (entityType: EntityType, entityId: string) =>
    api.get<{ items: Confirmation[] }>("/api/confirmations", { entityType, entityId }),
  confirm: (body: { entityType: EntityType; entityId: string; documentKind: string; attachmentId: string }) =>
    api.post<Confirmation>("/api/confirmations", body),
  bundleUrl: (id: string) => `/api/confirmations/${id}/bundle`,
};

export const auditApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<Page<AuditEvent>>("/api/audit", q, signal),
  exportUrl: (q: Query) => buildUrl("/api/audit/export.xlsx", q),
  trail: (entityType: EntityType, entityId: string) =>
    api.get<{ items: AuditEvent[] }>("/api/audit/trail", { entityType, entityId }),
  verify: () => api.post<VerifyResult>("/api/audit/verify"),
};

export const clausesApi = {
  list: (q: Query, signal?: AbortSignal) => api.get<{ items: Clause[] }>("/api/clauses", q, signal),
  get: (id: string) => api.get<Clause>(`/api/clauses/${encodeURIComponent(id)}`),
};
