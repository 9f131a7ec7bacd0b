// Z-5.5: CCTV covers every workstation and the storage and entry areas, full
// time; the recordings are kept by the client.
import { refuse } from "./refuse.ts";

/** Areas every digitization site must have under a camera besides the workstations. */
export const REQUIRED_CAMERA_AREAS = ["storage", "entry"] as const;

/**
 * Z-5.5: how long recordings are kept. standards.md gives no figure, so this is
 * a configurable default shown as UNVERIFIED.
 */
export const DEFAULT_CAMERA_RETENTION_DAYS = { days: 90, unverified: true } as const;

export interface CameraFact {
  id: string;
  label: string;
  workstationId: string | null;
  area: string | null;
  recordingsHeldBy: "client" | "agency";
  retentionDays: number;
  status: "active" | "removed";
}

export type CoverageGap =
  | { kind: "workstation"; workstationId: string; code: string; name: string }
  | { kind: "area"; area: string }
  | { kind: "recordings_not_with_client"; cameraId: string; label: string }
  | { kind: "retention_short"; cameraId: string; label: string; retentionDays: number; minimumDays: number };

/** Z-5.5: what the cameras leave uncovered; empty when the site is fully covered. */
export function cameraCoverageGaps(
  workstations: readonly { id: string; code: string; name: string }[],
  cameras: readonly CameraFact[],
  minimumRetentionDays: number = DEFAULT_CAMERA_RETENTION_DAYS.days,
): CoverageGap[] {
  const active = cameras.filter((c) => c.status === "active");
  const gaps: CoverageGap[] = [];
  const coveredStations = new Set(active.map((c) => c.workstationId).filter(Boolean));
  for (const w of workstations)
    if (!coveredStations.has(w.id))
      gaps.push({ kind: "workstation", workstationId: w.id, code: w.code, name: w.name });
  const areas = new Set(active.map((c) => c.area?.trim().toLowerCase()).filter(Boolean));
  for (const area of REQUIRED_CAMERA_AREAS) if (!areas.has(area)) gaps.push({ kind: "area", area });
  for (const c of active) {
    if (c.recordingsHeldBy !== "client")
      gaps.push({ kind: "recordings_not_with_client", cameraId: c.id, label: c.label });
    if (c.retentionDays < minimumRetentionDays)
      gaps.push({
        kind: "retention_short",
        cameraId: c.id,
        label: c.label,
        retentionDays: c.retentionDays,
        minimumDays: minimumRetentionDays,
      });
  }
  return gaps;
}

/** Z-5.5: a camera names a workstation or an area, and its recordings are the client's. */
export function cameraRefusal(c: {
  workstationId?: string | null | undefined;
  area?: string | null | undefined;
  recordingsHeldBy: "client" | "agency";
}) {
  if (!c.workstationId && !c.area?.trim())
    return refuse(
      "CAMERA_TARGET_REQUIRED",
      "Z-5.5",
      "监控摄像头须指明所覆盖的工位或区域",
      "A camera must name the workstation or area it covers",
    );
  if (c.recordingsHeldBy !== "client")
    return refuse(
      "RECORDINGS_HELD_BY_CLIENT",
      "Z-5.5",
      "监控数据须由委托方完整妥善保存",
      "Recordings must be kept by the client",
    );
  return undefined;
}
