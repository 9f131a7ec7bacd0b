// Z-7.7: results and backup media go to the client with a verified manifest,
// and the agency confirms that it keeps no copy. The project's final acceptance
// asks for the open points here.
import type { MediaPurpose, MediaStatus } from "./media.ts";

export const NO_COPY_DOCUMENT_KIND = "digitization_no_copy";

export interface HandoverMediaFact {
  id: string;
  label: string;
  purpose: MediaPurpose;
  status: MediaStatus;
}

export interface HandoverFact {
  id: string;
  verifiedOutcome: "match" | "mismatch" | null;
  noCopyConfirmed: boolean;
}

export type HandoverOpenPoint =
  | { kind: "no_results_media" }
  | { kind: "no_handover" }
  | { kind: "media_not_handed"; mediaId: string; label: string; purpose: MediaPurpose }
  | { kind: "manifest_not_verified"; handoverId: string }
  | { kind: "manifest_mismatch"; handoverId: string }
  | { kind: "no_copy_not_confirmed"; handoverId: string };

/** Z-7.7: what still stands between the project and a complete media handover. */
export function mediaHandoverOpenPoints(
  media: readonly HandoverMediaFact[],
  handovers: readonly HandoverFact[],
): HandoverOpenPoint[] {
  const points: HandoverOpenPoint[] = [];
  if (!media.some((m) => m.purpose === "results")) points.push({ kind: "no_results_media" });
  if (!handovers.length) points.push({ kind: "no_handover" });
  for (const m of media)
    if (m.status === "in_use")
      points.push({ kind: "media_not_handed", mediaId: m.id, label: m.label, purpose: m.purpose });
  for (const h of handovers) {
    if (h.verifiedOutcome === null) points.push({ kind: "manifest_not_verified", handoverId: h.id });
    else if (h.verifiedOutcome === "mismatch") points.push({ kind: "manifest_mismatch", handoverId: h.id });
    if (!h.noCopyConfirmed) points.push({ kind: "no_copy_not_confirmed", handoverId: h.id });
  }
  return points;
}

/** Z-7.7: the statement the agency's manager signs, bound to the manifest's digest. */
export function noCopyStatement(input: { projectCode: string; handoverId: string; manifestDigest: string }) {
  return [
    "档案数字化成果不留存确认 / Confirmation that no copy of the results is kept (Z-7.7)",
    `项目 Project: ${input.projectCode}`,
    `移交 Handover: ${input.handoverId}`,
    `成果清单 SM3 Manifest: ${input.manifestDigest}`,
    "本机构已将全部数字化成果及备份介质移交委托方，未以任何形式留存。",
    "The agency has handed all results and backup media to the client and keeps no copy in any form.",
  ].join("\n");
}
