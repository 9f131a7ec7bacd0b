// Input shapes for facilities records (validated on every path: API, CLI, demo).
import { z } from "zod";
import { DISTRICT_CODES } from "../organisations/districts.ts";
import { CAMERA_AREAS, SITE_CHECKLIST } from "./compliance.ts";
import { CARRIER_ZONES } from "./environment.ts";
import {
  EQUIPMENT_KINDS,
  EQUIPMENT_STATUSES,
  FIRE_DETECTORS,
  KEY_DEVICES,
  MAINTENANCE_KINDS,
  MAINTENANCE_RESULTS,
  ROOM_FUNCTIONS,
  SITE_SAFETY_CHECKLIST,
  TITLE_LEVELS,
} from "./facilities.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(2000).nullable().optional();
const measure = (max: number) => z.number().min(0).max(max).nullable().optional();
const date = z.iso.date();
const code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "letters, digits, '-', '_' or '.'");

const CHECKLIST_KEYS = [...SITE_CHECKLIST, ...SITE_SAFETY_CHECKLIST].map((i) => i.key) as [
  string,
  ...string[],
];

export const siteCreateSchema = z
  .object({
    agencyOrgId: z.uuid().optional(),
    name: text(200),
    address: z.string().trim().max(300).nullable().optional(),
    district: z.enum(DISTRICT_CODES).nullable().optional(),
    /** D-5.2, D-5.4, D-5.7, D-9.3: yes/no answers by item key. */
    checklist: z.partialRecord(z.enum(CHECKLIST_KEYS), z.boolean()).optional(),
  })
  .strict();
export const siteUpdateSchema = siteCreateSchema
  .omit({ agencyOrgId: true })
  .extend({ emergencyPlanAttachmentId: z.uuid().nullable().optional() })
  .partial()
  .strict();

export const roomSchema = z
  .object({
    roomFunction: z.enum(ROOM_FUNCTIONS),
    name: text(100),
    areaM2: measure(100_000),
    vaultId: z.uuid().nullable().optional(),
    note,
  })
  .strict();

export const vaultCreateSchema = z
  .object({
    siteId: z.uuid(),
    code,
    name: text(100),
    floorAreaM2: measure(100_000),
    clearHeightM: measure(100),
    floorLoadKnM2: measure(1000),
    shelvingType: z.enum(["compact", "fixed"]).optional(),
    fireWallZoneH: measure(24),
    fireWallRoomH: measure(24),
    fireWallInnerH: measure(24),
    mainAisleM: measure(100),
    rowSpacingM: measure(100),
    endClearanceM: measure(100),
    backClearanceM: measure(100),
    keeperUserId: z.uuid().nullable().optional(),
  })
  .strict();
export const vaultUpdateSchema = vaultCreateSchema.omit({ siteId: true }).partial().strict();

export const cameraSchema = z
  .object({
    vaultId: z.uuid().nullable().optional(),
    code,
    covers: z.array(z.enum(CAMERA_AREAS)).max(CAMERA_AREAS.length),
    recordingAllDay: z.boolean(),
    retentionDays: z.number().int().min(0).max(3650).nullable().optional(),
    note,
  })
  .strict();

export const fireAlarmSchema = z
  .object({
    vaultId: z.uuid().nullable().optional(),
    code,
    detector: z.enum(FIRE_DETECTORS),
    covers: z.array(z.enum(CAMERA_AREAS)).max(CAMERA_AREAS.length),
    note,
  })
  .strict();

export const equipmentSchema = z
  .object({
    kind: z.enum(EQUIPMENT_KINDS),
    name: text(100),
    model: z.string().trim().max(100).nullable().optional(),
    serialNumber: z.string().trim().max(100).nullable().optional(),
    quantity: z.number().int().min(1).max(10_000).optional(),
    checkIntervalDays: z.number().int().min(1).max(3650),
    /** First due date; defaults to today plus the interval. */
    nextDueOn: date.optional(),
    status: z.enum(EQUIPMENT_STATUSES).optional(),
    note,
  })
  .strict();
export const equipmentUpdateSchema = equipmentSchema.partial().strict();

export const maintenanceSchema = z
  .object({
    kind: z.enum(MAINTENANCE_KINDS),
    performedOn: date,
    performedByName: text(100),
    result: z.enum(MAINTENANCE_RESULTS),
    note,
    /** Defaults to the performed date plus the equipment's interval. */
    nextDueOn: date.optional(),
  })
  .strict();

export const keyHolderSchema = z
  .object({ userId: z.uuid(), device: z.enum(KEY_DEVICES), issuedOn: date.optional(), note })
  .strict();

export const staffSchema = z
  .object({
    agencyOrgId: z.uuid().optional(),
    name: text(100),
    userId: z.uuid().nullable().optional(),
    idNumber: z
      .string()
      .trim()
      .regex(/^[0-9]{17}[0-9Xx]$|^[A-Za-z0-9]{6,20}$/, "ID card (18) or passport number")
      .nullable()
      .optional(),
    titleLevel: z.enum(TITLE_LEVELS),
    archiveProfessional: z.boolean(),
    position: z.string().trim().max(100).nullable().optional(),
    employedSince: date.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const staffUpdateSchema = staffSchema.omit({ agencyOrgId: true }).partial().strict();

export const trainingSchema = z
  .object({
    heldOn: date,
    course: text(200),
    hours: z.number().positive().max(2000),
    provider: z.string().trim().max(200).nullable().optional(),
    certificateAttachmentId: z.uuid().nullable().optional(),
  })
  .strict();

const span = z
  .object({ from: z.number().int().min(1).max(999), to: z.number().int().min(1).max(999) })
  .strict();
export const locationGenerateSchema = z
  .object({
    /** Defaults to the vault code. */
    prefix: code.optional(),
    ranges: z
      .array(
        z
          .object({
            rows: span,
            columns: span,
            sections: span,
            shelves: span,
            zone: z.enum(CARRIER_ZONES),
            capacity: z.number().int().min(1).max(1000),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

export const locationUpdateSchema = z
  .object({ zone: z.enum(CARRIER_ZONES), capacity: z.number().int().min(1).max(1000) })
  .partial()
  .strict();

export type SiteCreate = z.infer<typeof siteCreateSchema>;
export type SiteUpdate = z.infer<typeof siteUpdateSchema>;
export type RoomInput = z.infer<typeof roomSchema>;
export type VaultCreate = z.infer<typeof vaultCreateSchema>;
export type VaultUpdate = z.infer<typeof vaultUpdateSchema>;
export type CameraInput = z.infer<typeof cameraSchema>;
export type FireAlarmInput = z.infer<typeof fireAlarmSchema>;
export type EquipmentInput = z.infer<typeof equipmentSchema>;
export type EquipmentUpdate = z.infer<typeof equipmentUpdateSchema>;
export type MaintenanceInput = z.infer<typeof maintenanceSchema>;
export type KeyHolderInput = z.infer<typeof keyHolderSchema>;
export type StaffInput = z.infer<typeof staffSchema>;
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;
export type TrainingInput = z.infer<typeof trainingSchema>;
export type LocationGenerate = z.infer<typeof locationGenerateSchema>;
export type LocationUpdate = z.infer<typeof locationUpdateSchema>;
