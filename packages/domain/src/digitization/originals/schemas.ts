// Inputs of the originals routes (Z-6.1–Z-8.1).
import { z } from "zod";
import { VOLUME_CONDITION_STAGES, VOLUME_CONDITIONS } from "./condition.ts";
import { HANDOVER_DIRECTIONS } from "./handover-list.ts";
import { RETURN_CHECK_OUTCOMES } from "./return-check.ts";
import { SCREENING_OUTCOMES } from "./screening.ts";
import { STOP_DECISIONS, STOP_REASONS } from "./stop.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(1000).optional();
const volumeIds = z.array(z.uuid()).min(1).max(2000);

export const volumeCreateSchema = z
  .object({
    referenceCode: text(100),
    title: text(500),
    itemCount: z.number().int().min(0).max(1_000_000),
    expectedPages: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();
export type VolumeCreateInput = z.infer<typeof volumeCreateSchema>;

export const screeningSchema = z.object({ volumeIds, outcome: z.enum(SCREENING_OUTCOMES), note }).strict();
export type ScreeningInput = z.infer<typeof screeningSchema>;

export const unshelveSchema = z.object({ volumeIds }).strict();

export const handoverListSchema = z
  .object({
    direction: z.enum(HANDOVER_DIRECTIONS),
    handedAt: z.iso.datetime({ offset: true }),
    clientHandlerName: text(100),
    agencyHandlerName: text(100),
    note,
    lines: z
      .array(
        z
          .object({
            volumeId: z.uuid(),
            itemCount: z.number().int().min(0).max(1_000_000).optional(),
            pages: z.number().int().min(0).max(1_000_000).optional(),
            quality: z.string().trim().max(200).optional(),
            note,
          })
          .strict(),
      )
      .min(1)
      .max(2000),
  })
  .strict();
export type HandoverListInput = z.infer<typeof handoverListSchema>;

export const conditionSchema = z
  .object({ stage: z.enum(VOLUME_CONDITION_STAGES), condition: z.enum(VOLUME_CONDITIONS), note })
  .strict();
export type ConditionInput = z.infer<typeof conditionSchema>;

export const batchCreateSchema = z
  .object({ code: text(50), title: z.string().trim().max(200).optional(), volumeIds: volumeIds.optional() })
  .strict();
export type BatchCreateInput = z.infer<typeof batchCreateSchema>;

export const batchVolumesSchema = z.object({ volumeIds }).strict();

export const storageSchema = z
  .object({ room: text(100), cabinet: text(100), custodianPersonId: z.uuid() })
  .strict();
export type StorageInput = z.infer<typeof storageSchema>;

export const stationHandoverSchema = z
  .object({
    fromWorkstationId: z.uuid().nullable(),
    toWorkstationId: z.uuid().nullable(),
    /** The volumes handed over; all the batch's volumes at the giving station when omitted. */
    volumeIds: volumeIds.optional(),
    content: text(500),
    quantity: z.number().int().min(1).max(100_000).optional(),
    handedAt: z.iso.datetime({ offset: true }).optional(),
    giverPersonId: z.uuid(),
    receiverPersonId: z.uuid(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type StationHandoverInput = z.infer<typeof stationHandoverSchema>;

export const stopSchema = z
  .object({
    reason: z.enum(STOP_REASONS),
    description: text(1000),
    evidence: z.string().trim().max(2000).optional(),
  })
  .strict();
export type StopInput = z.infer<typeof stopSchema>;

export const stopDecisionSchema = z.object({ decision: z.enum(STOP_DECISIONS), note }).strict();
export type StopDecisionInput = z.infer<typeof stopDecisionSchema>;

export const returnCheckSchema = z
  .object({
    lines: z
      .array(z.object({ volumeId: z.uuid(), outcome: z.enum(RETURN_CHECK_OUTCOMES), note }).strict())
      .min(1)
      .max(2000),
  })
  .strict();
export type ReturnCheckInput = z.infer<typeof returnCheckSchema>;
