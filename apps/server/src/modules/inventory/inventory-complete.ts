// D-9.8: completing a check — results against the register, incidents for
// missing (loss) and misplaced (discrepancy) boxes, the plan's next due date.
// D-4.4: the check is how the agency shows the client's archives are complete.
import { inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  conflict,
  countOutcomes,
  type InventoryOutcome,
  inventoryOutcomes,
  nextDueAfter,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import type { CheckRow, InventoryChecksService } from "./inventory-checks.service.ts";

type Audit = Parameters<IncidentsService["openIn"]>[1];
const userId = (actor: Actor) => (actor.type === "user" ? actor.userId : null);
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The register's boxes that matter to the check: those in its vault and those scanned. */
async function registeredBoxes(trx: Tx, k: CheckRow, barcodes: string[]) {
  const rows = await trx
    .selectFrom("box as b")
    .leftJoin("location as l", "l.id", "b.locationId")
    .select(["b.id", "b.barcode", "b.locationId", "b.projectId", "b.boxNo", "b.agencyOrgId", "b.clientOrgId"])
    .where((eb) =>
      eb.or([
        eb.and([eb("l.vaultId", "=", k.vaultId), eb("b.agencyOrgId", "=", k.agencyOrgId)]),
        ...(barcodes.length ? [eb("b.barcode", "in", barcodes)] : []),
      ]),
    )
    .execute();
  return rows.map((b) => ({
    ...b,
    boxId: b.id,
    inScope: b.agencyOrgId === k.agencyOrgId && (!k.clientOrgId || b.clientOrgId === k.clientOrgId),
  }));
}

export function inventoryCompletion(
  { dbh: { db } }: Deps,
  checks: InventoryChecksService,
  incidents: IncidentsService,
) {
  /** One incident per project and problem, naming the boxes concerned. */
  async function openIncidents(
    trx: Tx,
    audit: Audit,
    actor: Actor,
    k: CheckRow,
    outcomes: (InventoryOutcome & { projectId: string | null; boxNo: string | null })[],
    codes: Map<string, string>,
  ) {
    const made: { result: "missing" | "misplaced"; projectId: string; incidentId: string }[] = [];
    for (const result of ["missing", "misplaced"] as const) {
      const byProject = new Map<string, typeof outcomes>();
      for (const o of outcomes)
        if (o.result === result && o.projectId)
          byProject.set(o.projectId, [...(byProject.get(o.projectId) ?? []), o]);
      for (const [projectId, list] of byProject) {
        const lines = list.map((o) =>
          result === "missing"
            ? `${o.boxNo}（${o.barcode}）应在 ${codes.get(o.expectedLocationId ?? "") ?? "—"}`
            : `${o.boxNo}（${o.barcode}）登记 ${codes.get(o.expectedLocationId ?? "") ?? "—"}，实见 ${codes.get(o.foundLocationId ?? "") ?? "—"}`,
        );
        const incidentId = await incidents.openIn(trx, audit, {
          projectId,
          kind: result === "missing" ? "loss" : "discrepancy",
          severity: result === "missing" ? "critical" : "minor",
          source: "system",
          sourceType: "inventory_check",
          sourceId: k.id,
          clauseId: "D-9.8",
          title: `${k.vaultCode} 盘点发现${list.length}盒档案${result === "missing" ? "缺失" : "错架"}`,
          description: lines.join("\n"),
          openedBy: userId(actor),
        });
        made.push({ result, projectId, incidentId });
      }
    }
    return made;
  }

  return {
    async complete(actor: Actor, id: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const k = await checks.running(trx, actor, id);
        const [shelves, scans, locations] = await Promise.all([
          trx
            .selectFrom("inventoryShelf")
            .select(["locationId", "closedAt"])
            .where("checkId", "=", id)
            .execute(),
          trx
            .selectFrom("inventoryScan")
            .select(["barcode", "locationId"])
            .where("checkId", "=", id)
            .execute(),
          trx.selectFrom("location").select(["id", "code"]).where("vaultId", "=", k.vaultId).execute(),
        ]);
        if (shelves.some((s) => !s.closedAt))
          throw conflict("SHELF_OPEN", { zh: "请先结束当前库位的盘点", en: "Close the open shelf first" });
        const boxes = await registeredBoxes(
          trx,
          k,
          scans.map((s) => s.barcode),
        );
        const outcomes = inventoryOutcomes({
          method: k.method,
          vaultLocationIds: new Set(locations.map((l) => l.id)),
          examinedLocationIds: new Set(shelves.map((s) => s.locationId)),
          boxes,
          scans,
        });
        const byId = new Map(boxes.map((b) => [b.boxId, b]));
        const rich = outcomes.map((o) => ({
          ...o,
          projectId: (o.boxId && byId.get(o.boxId)?.projectId) || null,
          boxNo: (o.boxId && byId.get(o.boxId)?.boxNo) || null,
        }));
        const codes = new Map(locations.map((l) => [l.id, l.code]));
        // A misplaced box may sit in another vault: name its location too.
        const others = rich.map((o) => o.expectedLocationId).filter((l): l is string => !!l && !codes.has(l));
        if (others.length)
          for (const l of await trx
            .selectFrom("location")
            .select(["id", "code"])
            .where("id", "in", others)
            .execute())
            codes.set(l.id, l.code);
        const made = await openIncidents(trx, audit, actor, k, rich, codes);
        if (rich.length)
          await trx
            .insertInto("inventoryResult")
            .values(
              rich.map((o) => ({
                checkId: id,
                boxId: o.boxId,
                projectId: o.projectId,
                barcode: o.barcode,
                result: o.result,
                expectedLocationId: o.expectedLocationId,
                foundLocationId: o.foundLocationId,
                incidentId:
                  made.find((m) => m.result === o.result && m.projectId === o.projectId)?.incidentId ?? null,
              })),
            )
            .execute();
        const findings = await trx
          .selectFrom("inventoryFinding")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("checkId", "=", id)
          .executeTakeFirstOrThrow();
        const summary = {
          ...countOutcomes(rich),
          shelves: shelves.length,
          findings: Number(findings.n),
          // The treatment needs opened theirs when they were recorded.
          incidents: made.length + Number(findings.n),
        };
        await trx
          .updateTable("inventoryCheck")
          .set({
            status: "completed",
            completedAt: new Date(),
            completedBy: userId(actor),
            summary: JSON.stringify(summary),
          })
          .where("id", "=", id)
          .execute();
        const nextDueOn = nextDueAfter(today(), k.periodMonths);
        await trx
          .updateTable("inventoryPlan")
          .set({ nextDueOn, updatedAt: new Date() })
          .where("id", "=", k.planId)
          .execute();
        const clients = [...new Set(boxes.filter((b) => b.inScope).map((b) => b.clientOrgId))];
        audit.record({
          action: "inventory_check.completed",
          entityType: "inventory_check",
          entityId: id,
          payload: { vaultId: k.vaultId, summary, incidentIds: made.map((m) => m.incidentId), nextDueOn },
          scopeOrgIds: [k.agencyOrgId, ...clients],
        });
        return { summary, nextDueOn, incidentIds: made.map((m) => m.incidentId) };
      });
    },
  };
}
export type InventoryCompletion = ReturnType<typeof inventoryCompletion>;
