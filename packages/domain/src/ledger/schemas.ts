// G-11: the client's project ledger (工作台帐) — supervision actions, problems
// found and their fixes. A problem stays open until a fix entry closes it.
import { z } from "zod";

export const LEDGER_KINDS = ["supervision", "problem", "rectification", "note"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const ledgerEntryCreateSchema = z
  .object({
    kind: z.enum(LEDGER_KINDS),
    occurredOn: z.iso.date(),
    summary: z.string().trim().min(1).max(300),
    details: z.string().trim().max(8000).optional(),
    /** For a rectification: the problem entry it fixes (closes it). */
    resolvesEntryId: z.uuid().optional(),
    /** Clause the supervision or problem concerns, e.g. "D-9.9". */
    clauseId: z
      .string()
      .regex(/^[GDZ]-\d+(\.\d+)?$/)
      .optional(),
  })
  .strict()
  .refine((e) => e.kind === "rectification" || !e.resolvesEntryId, {
    message: "only a rectification resolves a problem",
    path: ["resolvesEntryId"],
  })
  .refine((e) => e.kind !== "rectification" || e.resolvesEntryId, {
    message: "a rectification names the problem it fixes",
    path: ["resolvesEntryId"],
  });

export type LedgerEntryCreate = z.infer<typeof ledgerEntryCreateSchema>;
