// Z-7.2: fixed posts and people per workstation.
export const WORKSTATION_KINDS = [
  "preparation",
  "scanning",
  "image_processing",
  "quality_control",
  "metadata",
  "linking",
  "packaging",
] as const;
export type WorkstationKind = (typeof WORKSTATION_KINDS)[number];

export interface AssignmentFact {
  workstationId: string;
  personUserId: string | null;
  personStatus: "active" | "revoked";
}

/** Z-7.2: whether a platform user holds a fixed post at the workstation (active people only). */
export function isAssignedTo(
  assignments: readonly AssignmentFact[],
  userId: string,
  workstationId: string,
): boolean {
  return assignments.some(
    (a) => a.workstationId === workstationId && a.personUserId === userId && a.personStatus === "active",
  );
}
