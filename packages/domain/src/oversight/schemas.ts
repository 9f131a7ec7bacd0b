// Inputs of the oversight routes, CLI and demo data.
import { z } from "zod";
import { INSPECTION_KINDS } from "./inspection-rules.ts";
import { NATIONAL_MODES } from "./sampling.ts";
import { SEVERITIES } from "./severity.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clauseId = z.string().regex(/^[GDZ]-\d+(\.\d+)?$/);

export const inspectionCreateSchema = z
  .object({
    projectId: z.uuid(),
    kind: z.enum(INSPECTION_KINDS),
    title: z.string().trim().min(1).max(200),
    plannedOn: isoDate.optional(),
    planId: z.uuid().optional(),
  })
  .strict();
export type InspectionCreate = z.infer<typeof inspectionCreateSchema>;

export const itemAnswerSchema = z
  .object({
    clause: clauseId,
    result: z.enum(["pass", "fail", "not_applicable"]),
    note: z.string().trim().max(4000).optional(),
  })
  .strict();
export type ItemAnswer = z.infer<typeof itemAnswerSchema>;

export const findingCreateSchema = z
  .object({
    clause: clauseId,
    severity: z.enum(SEVERITIES),
    description: z.string().trim().min(1).max(4000),
  })
  .strict();
export type FindingCreate = z.infer<typeof findingCreateSchema>;

export const rectificationIssueSchema = z
  .object({
    findingId: z.uuid(),
    addressee: z.enum(["agency", "client"]),
    requirement: z.string().trim().min(1).max(4000),
    deadline: isoDate.optional(),
  })
  .strict();
export type RectificationIssue = z.infer<typeof rectificationIssueSchema>;

export const rectificationRespondSchema = z.object({ response: z.string().trim().min(1).max(8000) }).strict();
export const rectificationDecideSchema = z
  .object({ decision: z.enum(["accept", "reject"]), note: z.string().trim().max(4000).optional() })
  .strict();

export const noticeCreateSchema = z
  .object({
    findingId: z.uuid(),
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(8000),
  })
  .strict();
export type NoticeCreate = z.infer<typeof noticeCreateSchema>;

export const spotCheckPlanSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    rate: z.number().gt(0).max(1),
    seed: z.string().trim().min(1).max(100).optional(),
    nationalMode: z.enum(NATIONAL_MODES).default("always"),
    nationalWeight: z.number().min(1).max(100).default(3),
  })
  .strict();
export type SpotCheckPlanInput = z.infer<typeof spotCheckPlanSchema>;
