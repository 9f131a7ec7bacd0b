// D-3.12, D-10.8: remote copies. Boxes are opened and scanned only under a
// camera of the agency that covers a workstation and records all day; the
// files reach the requester through a download that expires.
import { DomainError } from "../errors/domain-error.ts";

export interface ScanCamera {
  agencyOrgId: string;
  covers: readonly string[];
  recordingAllDay: boolean;
}

/** Areas where opening and scanning may happen under camera coverage. */
export const SCAN_AREAS = ["workstation", "reading_room"] as const;

/** Days a delivered copy may be downloaded, by default and at most. */
export const DOWNLOAD_DAYS = { default: 7, max: 30 } as const;

const refuse = (code: string, clause: string, zh: string, en: string, status: 409 | 422 = 422) =>
  new DomainError({ code, status, clause, message: { zh, en } });

/** D-10.8: the refusal for a scan job under this camera, or undefined. */
export function scanCameraRefusal(
  camera: ScanCamera | undefined,
  agencyOrgId: string,
): DomainError | undefined {
  if (!camera || camera.agencyOrgId !== agencyOrgId)
    return refuse(
      "SCAN_CAMERA_UNKNOWN",
      "D-10.8",
      "须登记本机构的监控探头",
      "Name a camera of this agency for the scan job",
    );
  if (!camera.covers.some((a) => (SCAN_AREAS as readonly string[]).includes(a)))
    return refuse(
      "SCAN_CAMERA_NOT_COVERING",
      "D-10.8",
      "该探头未覆盖扫描工位或阅览室，拆箱和扫描须在全程视频监控下进行",
      "This camera does not cover a scanning workstation or reading room; opening and scanning must be filmed",
    );
  if (!camera.recordingAllDay)
    return refuse(
      "SCAN_CAMERA_NOT_RECORDING",
      "D-10.8",
      "该探头未全天录像",
      "This camera does not record around the clock",
    );
  return undefined;
}

/** The expiry of a download link issued at `at` for `days` days (D-3.12). */
export function downloadExpiry(at: Date, days: number = DOWNLOAD_DAYS.default): Date {
  if (!Number.isInteger(days) || days < 1 || days > DOWNLOAD_DAYS.max)
    throw refuse(
      "DOWNLOAD_DAYS_INVALID",
      "D-3.12",
      `下载有效期须为 1 至 ${DOWNLOAD_DAYS.max} 天`,
      `A download must expire within 1 to ${DOWNLOAD_DAYS.max} days`,
    );
  return new Date(at.getTime() + days * 86_400_000);
}

/** D-3.12: a delivered copy may be downloaded until it expires or is withdrawn. */
export function downloadRefusal(
  d: { expiresAt: Date; withdrawnAt: Date | null },
  at: Date,
): DomainError | undefined {
  if (d.withdrawnAt)
    return refuse("DOWNLOAD_WITHDRAWN", "D-3.12", "该文件已撤回", "This file was withdrawn", 409);
  if (at.getTime() >= d.expiresAt.getTime())
    return refuse(
      "DOWNLOAD_EXPIRED",
      "D-3.12",
      "下载链接已过期，请联系档案寄存托管机构重新提供",
      "The download link has expired; ask the custody agency to deliver it again",
      409,
    );
  return undefined;
}

/** D-10.8: the operator recorded on a scan job is active staff of the agency. */
export function scanOperatorRefusal(
  user: { orgId: string; active: boolean } | undefined,
  agencyOrgId: string,
): DomainError | undefined {
  return user?.active && user.orgId === agencyOrgId
    ? undefined
    : refuse(
        "SCAN_OPERATOR_INVALID",
        "D-10.8",
        "扫描操作人员须为本机构在职人员",
        "The scan operator must be active staff of the agency",
      );
}
