// Request bodies for organisations, shared by API, CLI and demo data.
import { z } from "zod";
import { DISTRICT_CODES } from "./districts.ts";
import { ORG_KINDS, REGISTRATION_STATUSES, REGULATOR_LEVELS, SERVICE_TYPES } from "./kinds.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

/** 统一社会信用代码: 18 characters, digits and capital letters except I, O, S, V, Z. */
export const creditCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, "unified social credit code: 18 characters");

export const organisationCreateSchema = z
  .object({
    kind: z.enum(ORG_KINDS),
    name: text(200),
    creditCode: creditCodeSchema.optional(),
    district: z.enum(DISTRICT_CODES),
    address: z.string().trim().max(300).optional(),
    contactName: z.string().trim().max(100).optional(),
    contactPhone: z.string().trim().max(40).optional(),
    regulatorLevel: z.enum(REGULATOR_LEVELS).optional(),
    supervisedDistricts: z.array(z.enum(DISTRICT_CODES)).max(16).optional(),
    serviceTypes: z.array(z.enum(SERVICE_TYPES)).max(4).optional(),
    licenceNumber: z.string().trim().max(100).optional(),
    businessScope: z.string().trim().max(2000).optional(),
    registrationStatus: z.enum(REGISTRATION_STATUSES).optional(),
    foreignBacked: z.boolean().optional(),
  })
  .strict();

export type OrganisationCreate = z.infer<typeof organisationCreateSchema>;

export const organisationUpdateSchema = organisationCreateSchema.omit({ kind: true }).partial().strict();
export type OrganisationUpdate = z.infer<typeof organisationUpdateSchema>;

/** Fields that change an agency's regulatory standing (G-12): only a supervising regulator sets them. */
export const STANDING_FIELDS = [
  "serviceTypes",
  "licenceNumber",
  "registrationStatus",
  "foreignBacked",
  "regulatorLevel",
  "supervisedDistricts",
] as const satisfies readonly (keyof OrganisationUpdate)[];
