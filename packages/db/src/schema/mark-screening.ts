// Classification-mark screening hits (migration 0018, Z-7.3, Z-6.1, D-10.8).
import type { Generated } from "kysely";
import type { Defaulted } from "./columns.ts";

export interface MarkScreeningHitTable {
  id: Generated<string>;
  source: "qc_delivery" | "remote_copy";
  clientOrgId: string;
  agencyOrgId: string;
  projectId: string | null;
  qcDeliveryId: string | null;
  qcFileId: string | null;
  volumeId: string | null;
  stopId: string | null;
  requestId: string | null;
  remoteCopyId: string | null;
  fileLabel: string;
  page: Defaulted<number>;
  level: "绝密" | "机密" | "秘密";
  period: string | null;
  matchedText: string;
  confidence: number;
  /** { x, y, width, height, pageWidth, pageHeight, angleDeg } */
  region: Record<string, number>;
  status: Defaulted<"open" | "cleared" | "confirmed">;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Defaulted<Date>;
}

export interface MarkScreeningTables {
  markScreeningHit: MarkScreeningHitTable;
}
