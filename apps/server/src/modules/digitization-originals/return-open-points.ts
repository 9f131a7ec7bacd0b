// Z-8.1: the open points of the return of originals, for the return page and
// for the final acceptance (Z-8.2): volumes not back, open stops, lists not
// confirmed, to_agency handovers not closed.
import type { Database } from "@dangan/db";
import type { Kysely } from "kysely";

export interface ReturnOpenPoint {
  kind: "volume_not_returned" | "open_stop" | "list_not_confirmed" | "handover_not_closed";
  id: string;
  label: string;
  clause: "Z-8.1" | "Z-7.3" | "Z-6.3";
}

export async function returnOpenPoints(db: Kysely<Database>, projectId: string) {
  const [out, stops, pending, open] = await Promise.all([
    db
      .selectFrom("digitizationVolume")
      .select(["id", "referenceCode"])
      .where("projectId", "=", projectId)
      .where("status", "=", "at_agency")
      .orderBy("referenceCode")
      .execute(),
    db
      .selectFrom("digitizationStop as s")
      .innerJoin("digitizationVolume as v", "v.id", "s.volumeId")
      .select(["s.id", "v.referenceCode"])
      .where("s.projectId", "=", projectId)
      .where("s.resolvedAt", "is", null)
      .execute(),
    db
      .selectFrom("digitizationHandoverList")
      .select(["id", "code"])
      .where("projectId", "=", projectId)
      .where("status", "=", "pending")
      .execute(),
    db
      .selectFrom("digitizationHandoverList")
      .select(["id", "code"])
      .where("projectId", "=", projectId)
      .where("direction", "=", "to_agency")
      .where("status", "=", "confirmed")
      .execute(),
  ]);
  const points: ReturnOpenPoint[] = [
    ...out.map((v) => ({
      kind: "volume_not_returned" as const,
      id: v.id,
      label: v.referenceCode,
      clause: "Z-8.1" as const,
    })),
    ...stops.map((s) => ({
      kind: "open_stop" as const,
      id: s.id,
      label: s.referenceCode,
      clause: "Z-7.3" as const,
    })),
    ...pending.map((l) => ({
      kind: "list_not_confirmed" as const,
      id: l.id,
      label: l.code,
      clause: "Z-6.3" as const,
    })),
    ...open.map((l) => ({
      kind: "handover_not_closed" as const,
      id: l.id,
      label: l.code,
      clause: "Z-8.1" as const,
    })),
  ];
  return { complete: points.length === 0, openPoints: points };
}
