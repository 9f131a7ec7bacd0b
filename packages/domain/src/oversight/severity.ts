// G-7: findings carry a severity; the severity sets the default deadline of a
// rectification order and whether the problem may be published as a notice (通报).
import type { Message } from "../errors/domain-error.ts";

export const SEVERITIES = ["minor", "major", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Record<Severity, Message> = {
  minor: { zh: "一般", en: "Minor" },
  major: { zh: "重大", en: "Major" },
  critical: { zh: "严重", en: "Critical" },
};

/** Days to rectify when the regulator sets no other deadline. */
export const DEFAULT_RECTIFICATION_DAYS: Record<Severity, number> = { minor: 30, major: 15, critical: 7 };

/** G-7: "major problems" of security or quality are the ones published as notices. */
export const isMajorProblem = (s: Severity) => s === "major" || s === "critical";

/** The ISO date `days` after an ISO date (calendar days). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
