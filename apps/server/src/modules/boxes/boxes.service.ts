// Boxes as their owner and keeper see them: where each box is, in what
// condition, who touched it (D-9.11 movements, seals, inspections, condition
// checks). Clients see their own boxes, agencies their projects' boxes,
// regulators their districts' (read scope in SQL, policy on one box).
import { type Actor, notFound, policy, readScope } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { pageOf } from "../../lib/page.ts";
import { EXPORT_LIMIT } from "../../lib/xlsx.ts";
import { type BoxFilter, boxesRepository } from "./boxes.repository.ts";

export function boxesService({ dbh: { db } }: Deps) {
  const repo = boxesRepository(db);

  async function readable(actor: Actor, id: string) {
    const x = await repo.find(id);
    if (!x || !policy.readProject(actor, x)) throw notFound("box", id);
    return x;
  }

  return {
    readable,

    async list(actor: Actor, f: BoxFilter, page: number, pageSize: number) {
      const { items, total } = await repo.list(readScope(actor), f, pageSize, (page - 1) * pageSize);
      return pageOf(items, total, page, pageSize);
    },

    async exportRows(actor: Actor, f: BoxFilter) {
      return (await repo.list(readScope(actor), f, EXPORT_LIMIT, 0)).items;
    },

    async get(actor: Actor, id: string) {
      const x = await readable(actor, id);
      const [items, seals, conditions, inspections, movements] = await Promise.all([
        db
          .selectFrom("boxItem as bi")
          .innerJoin("catalogueItem as i", "i.id", "bi.itemId")
          .select([
            "i.id",
            "i.rowNo",
            "i.referenceCode",
            "i.title",
            "i.year",
            "i.quantity",
            "i.retentionPeriod",
            "i.carrier",
          ])
          .where("bi.boxId", "=", id)
          .orderBy("i.rowNo")
          .execute(),
        db
          .selectFrom("boxSeal as s")
          .leftJoin("appUser as u", "u.id", "s.sealedBy")
          .leftJoin("appUser as w", "w.id", "s.witnessUserId")
          .select([
            "s.id",
            "s.sealNumber",
            "s.outsideOk",
            "s.note",
            "s.sealedAt",
            "u.displayName as sealedByName",
            "w.displayName as witnessName",
          ])
          .where("s.boxId", "=", id)
          .orderBy("s.sealedAt")
          .execute(),
        db
          .selectFrom("intakeCondition as k")
          .leftJoin("intakeTreatment as t", "t.conditionId", "k.id")
          .leftJoin("appUser as u", "u.id", "k.checkedBy")
          .leftJoin("catalogueItem as i", "i.id", "k.itemId")
          .select([
            "k.id",
            "k.condition",
            "k.note",
            "k.checkedAt",
            "k.itemId",
            "i.referenceCode",
            "u.displayName as checkedByName",
            "t.method as treatmentMethod",
            "t.treatedOn",
            "t.treatedBy",
          ])
          .where((eb) =>
            eb.or([
              eb("k.boxId", "=", id),
              eb("k.itemId", "in", eb.selectFrom("boxItem").select("itemId").where("boxId", "=", id)),
            ]),
          )
          .orderBy("k.checkedAt")
          .execute(),
        db
          .selectFrom("intakeInspection as n")
          .leftJoin("appUser as u", "u.id", "n.inspectedBy")
          .leftJoin("incident as i", "i.id", "n.incidentId")
          .select([
            "n.id",
            "n.sealIntact",
            "n.damaged",
            "n.missingItemIds",
            "n.note",
            "n.inspectedAt",
            "n.incidentId",
            "i.status as incidentStatus",
            "u.displayName as inspectedByName",
          ])
          .where("n.boxId", "=", id)
          .execute(),
        db
          .selectFrom("boxMovement as m")
          .leftJoin("appUser as u", "u.id", "m.byUserId")
          .leftJoin("location as lf", "lf.id", "m.fromLocationId")
          .leftJoin("location as lt", "lt.id", "m.toLocationId")
          .select([
            "m.id",
            "m.kind",
            "m.at",
            "m.note",
            "m.referenceType",
            "u.displayName as byName",
            "lf.code as fromLocation",
            "lt.code as toLocation",
          ])
          .where("m.boxId", "=", id)
          .orderBy("m.at")
          .execute(),
      ]);
      return { ...x, items, seals, conditions, inspections, movements };
    },
  };
}
export type BoxesService = ReturnType<typeof boxesService>;
