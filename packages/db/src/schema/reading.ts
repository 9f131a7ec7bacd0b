// On-site reading tables (migration 0009, D-10.3, D-10.6, D-10.9).
import type { Generated } from "kysely";
import type { Defaulted } from "./columns.ts";

export interface ReadingAdmissionTable {
  requestId: string;
  letterAttachmentId: string;
  readerIdAttachmentId: string;
  readerIdKind: "id_card" | "work_card" | "passport" | "other";
  readerIdNumber: string;
  checkedBy: string | null;
  checkedAt: Defaulted<Date>;
}

export interface ReadingSessionTable {
  id: Generated<string>;
  requestId: string;
  roomId: string;
  cameraIds: string[];
  startedAt: Defaulted<Date>;
  startedBy: string | null;
  endedAt: Date | null;
  endedBy: string | null;
  note: string | null;
}

export interface ReadingTables {
  readingAdmission: ReadingAdmissionTable;
  readingSession: ReadingSessionTable;
}
