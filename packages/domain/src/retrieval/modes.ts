// The ways a client's archives are used (D-3.12, D-10.3, D-10.6, D-10.7).
export const USE_MODES = ["reading", "remote_copy", "loan", "proxy_search"] as const;
export type UseMode = (typeof USE_MODES)[number];

/** Whose use a request serves: the client's own staff need no grant (D-10.2). */
export const REQUESTER_KINDS = ["client", "third_party", "agency_proxy"] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const REQUEST_PRIORITIES = ["standard", "rush"] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/** Default service times; a contract may agree shorter ones. */
export const DUE_HOURS: Record<RequestPriority, number> = { standard: 72, rush: 8 };

export const GRANTEE_KINDS = ["person", "organisation"] as const;
export type GranteeKind = (typeof GRANTEE_KINDS)[number];

export const ID_DOCUMENT_KINDS = ["id_card", "work_card", "passport", "other"] as const;
export type IdDocumentKind = (typeof ID_DOCUMENT_KINDS)[number];

export const GRANT_STATUSES = ["draft", "issued", "revoked"] as const;
