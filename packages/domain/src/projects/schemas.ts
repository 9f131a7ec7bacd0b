// Project records: one client, one agency, one service type (G-2, G-4).
import { z } from "zod";
import { SERVICE_TYPES } from "../organisations/kinds.ts";

export const PROJECT_STATUSES = ["draft", "active", "suspended", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** D-3.3, D-3.4: deposit is storage only; custody adds management, retrieval and use. */
export const CUSTODY_MODES = ["deposit", "custody"] as const;
export type CustodyMode = (typeof CUSTODY_MODES)[number];

/** Z-4.2: where digitization happens. */
export const SITE_KINDS = ["client_premises", "designated_site", "agency_premises", "other"] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const projectCreateSchema = z
  .object({
    name: text(200),
    clientOrgId: z.uuid(),
    agencyOrgId: z.uuid(),
    serviceType: z.enum(SERVICE_TYPES),
    custodyMode: z.enum(CUSTODY_MODES).optional(),
    /** G-3: any archives with state-secret content in scope. */
    hasClassified: z.boolean(),
    /** G-3: any archives within the national archives' collection scope. */
    hasNationalScope: z.boolean(),
    /** G-9, Z-5.1: the client's responsible leader and department. */
    responsibleLeader: text(100),
    responsibleDepartment: text(100),
    siteKind: z.enum(SITE_KINDS).optional(),
    siteAddress: z.string().trim().max(300).optional(),
    description: z.string().trim().max(4000).optional(),
  })
  .strict();

export type ProjectCreate = z.infer<typeof projectCreateSchema>;

export const projectUpdateSchema = projectCreateSchema.omit({ clientOrgId: true }).partial().strict();
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;
