// Inputs of a use request (D-10.1) and of on-site reading (D-10.3, D-10.9).
import { z } from "zod";
import { ID_DOCUMENT_KINDS, REQUEST_PRIORITIES, REQUESTER_KINDS, USE_MODES } from "./modes.ts";

export const useRequestSchema = z
  .object({
    projectId: z.uuid(),
    mode: z.enum(USE_MODES),
    /** Only the agency chooses: a third party at its desk, or its own proxy search. */
    requesterKind: z.enum(REQUESTER_KINDS).optional(),
    grantId: z.uuid().optional(),
    userName: z.string().trim().min(1).max(100),
    userOrgName: z.string().trim().max(200).optional(),
    userIdKind: z.enum(ID_DOCUMENT_KINDS).optional(),
    userIdNumber: z.string().trim().min(4).max(40).optional(),
    purpose: z.string().trim().min(2).max(500),
    priority: z.enum(REQUEST_PRIORITIES).default("standard"),
    itemIds: z.array(z.uuid()).min(1).max(500),
  })
  .strict();
export type UseRequestInput = z.infer<typeof useRequestSchema>;

/** D-10.3, D-10.9: the letter of introduction and the reader's ID, both kept as attachments. */
export const admissionSchema = z
  .object({
    letterAttachmentId: z.uuid(),
    readerIdAttachmentId: z.uuid(),
    readerIdKind: z.enum(ID_DOCUMENT_KINDS),
    readerIdNumber: z.string().trim().min(4).max(40),
  })
  .strict();
export type AdmissionInput = z.infer<typeof admissionSchema>;

export const readingSessionSchema = z
  .object({
    roomId: z.uuid(),
    cameraIds: z.array(z.uuid()).min(1).max(10),
    note: z.string().max(500).optional(),
  })
  .strict();
export type ReadingSessionInput = z.infer<typeof readingSessionSchema>;
