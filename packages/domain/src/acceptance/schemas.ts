import { z } from "zod";

export const acceptanceRecordSchema = z
  .object({
    verdict: z.enum(["passed", "failed"]),
    /** Keys of the manual items the client checked in person. */
    confirmed: z.array(z.string().min(1).max(64)).max(20).default([]),
    note: z.string().trim().max(4000).optional(),
    /** For a failed acceptance: what the agency must fix, and by when (G-11, G-7). */
    requirement: z.string().trim().min(1).max(4000).optional(),
    deadline: z.iso.date().optional(),
  })
  .strict()
  .refine((v) => v.verdict === "passed" || !!v.requirement, {
    path: ["requirement"],
    message: "A failed acceptance names what must be fixed",
  });
export type AcceptanceRecordInput = z.infer<typeof acceptanceRecordSchema>;
