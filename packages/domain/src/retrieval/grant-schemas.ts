// The written grant as the client drafts it (D-10.2, D-10.3, D-10.5, D-10.7):
// to whom, which items or boxes (a list, or a catalogue query frozen at issue),
// which modes, for what purpose, for which period.
import { z } from "zod";
import { GRANTEE_KINDS, ID_DOCUMENT_KINDS, USE_MODES } from "./modes.ts";

const day = z.iso.date();

export const grantQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    category: z.string().trim().max(50).optional(),
    boxNo: z.string().trim().max(50).optional(),
  })
  .strict();
export type GrantQuery = z.infer<typeof grantQuerySchema>;

export const grantDraftSchema = z
  .object({
    projectId: z.uuid(),
    granteeKind: z.enum(GRANTEE_KINDS),
    granteeName: z.string().trim().min(1).max(200),
    granteeIdKind: z.enum(ID_DOCUMENT_KINDS).optional(),
    granteeIdNumber: z.string().trim().min(4).max(40).optional(),
    /** The grantee organisation when it is on Dangan (the agency itself for proxy search). */
    granteeOrgId: z.uuid().optional(),
    modes: z.array(z.enum(USE_MODES)).min(1).max(USE_MODES.length),
    purpose: z.string().trim().min(2).max(500),
    validFrom: day,
    validTo: day,
    scope: z.discriminatedUnion("kind", [
      z
        .object({
          kind: z.literal("list"),
          itemIds: z.array(z.uuid()).max(5000).default([]),
          boxIds: z.array(z.uuid()).max(1000).default([]),
        })
        .strict(),
      z.object({ kind: z.literal("query"), query: grantQuerySchema }).strict(),
    ]),
  })
  .strict()
  .refine((g) => g.validTo >= g.validFrom, { path: ["validTo"], message: "validTo is before validFrom" })
  .refine((g) => g.granteeKind === "organisation" || !!g.granteeIdNumber, {
    path: ["granteeIdNumber"],
    message: "a person needs an ID number",
  })
  .refine((g) => g.scope.kind === "query" || g.scope.itemIds.length + g.scope.boxIds.length > 0, {
    path: ["scope"],
    message: "name at least one item or box",
  });
export type GrantDraftInput = z.infer<typeof grantDraftSchema>;

export const grantRevokeSchema = z.object({ reason: z.string().trim().min(2).max(500) }).strict();
