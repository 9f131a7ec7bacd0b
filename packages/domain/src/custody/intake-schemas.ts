// What the API accepts for an intake batch: the batch, each step's record, and
// the per-box records (condition, treatment, seal, inspection, shelving).
import { z } from "zod";
import { BOX_KINDS } from "./box-rules.ts";
import { CONDITIONS } from "./intake-rules.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(4000).optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const intakeBatchCreateSchema = z
  .object({
    projectId: z.uuid(),
    title: text(200),
    catalogueIds: z.array(z.uuid()).min(1).max(50),
    notes: note,
  })
  .strict();
export type IntakeBatchCreate = z.infer<typeof intakeBatchCreateSchema>;

/** Every step's record: the named people of both parties, the date, notes. */
const step = {
  people: z
    .array(z.uuid())
    .max(40)
    .refine((ids) => new Set(ids).size === ids.length, "each person once")
    .default([]),
  performedOn: day.optional(),
  notes: note,
};

export const intakeTransitionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("site_visit"), ...step, attachmentId: z.uuid().optional() }).strict(),
  z
    .object({
      action: z.literal("unshelve"),
      ...step,
      counts: z
        .array(z.object({ catalogueId: z.uuid(), counted: z.number().int().min(0).max(1_000_000) }).strict())
        .min(1)
        .max(50),
    })
    .strict(),
  z
    .object({
      action: z.literal("check_condition"),
      ...step,
      findings: z
        .array(z.object({ itemId: z.uuid(), condition: z.enum(CONDITIONS), note }).strict())
        .max(10_000)
        .default([]),
    })
    .strict(),
  z.object({ action: z.literal("finish_boxing"), ...step }).strict(),
  z
    .object({
      action: z.literal("load"),
      ...step,
      transport: z
        .object({
          by: z.enum(["client", "agency"]),
          vehicle: z.string().trim().max(50).optional(),
          departedAt: z.iso.datetime({ offset: true }).optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ action: z.literal("arrive"), ...step }).strict(),
  z.object({ action: z.literal("finish_inspection"), ...step }).strict(),
  z
    .object({
      action: z.literal("repack"),
      ...step,
      boxes: z
        .array(
          z
            .object({
              itemIds: z.array(z.uuid()).min(1).max(2000),
              sealNumber: text(50),
              carrier: text(30).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(500),
    })
    .strict(),
  z.object({ action: z.literal("skip_repacking"), ...step }).strict(),
  z.object({ action: z.literal("complete"), ...step }).strict(),
]);
export type IntakeTransitionInput = z.infer<typeof intakeTransitionSchema>;

export const boxCreateSchema = z
  .object({
    kind: z.enum(BOX_KINDS),
    carrier: text(30).default("paper"),
    category: z.string().trim().max(10).optional(),
    itemIds: z.array(z.uuid()).min(1).max(2000),
  })
  .strict();
export type BoxCreate = z.infer<typeof boxCreateSchema>;

export const conditionCheckSchema = z
  .object({
    boxId: z.uuid().optional(),
    itemId: z.uuid().optional(),
    condition: z.enum(CONDITIONS),
    note,
  })
  .strict()
  .refine((v) => !!v.boxId !== !!v.itemId, { message: "name a box or an item", path: ["boxId"] });
export type ConditionCheckInput = z.infer<typeof conditionCheckSchema>;

export const treatmentSchema = z
  .object({ method: text(200), treatedOn: day, treatedBy: text(100), note })
  .strict();
export type TreatmentInput = z.infer<typeof treatmentSchema>;

export const sealSchema = z
  .object({
    sealNumber: text(50),
    /** D-8.6: the outside and the label were inspected and found right. */
    outsideOk: z.boolean(),
    witnessUserId: z.uuid().optional(),
    note,
  })
  .strict();
export type SealInput = z.infer<typeof sealSchema>;

export const inspectionSchema = z
  .object({
    sealIntact: z.boolean(),
    damaged: z.boolean(),
    missingItemIds: z.array(z.uuid()).max(2000).default([]),
    note,
  })
  .strict();
export type InspectionInput = z.infer<typeof inspectionSchema>;

export const shelveSchema = z.object({ locationId: z.uuid() }).strict();

export const contentGrantSchema = z.object({ note }).strict();
