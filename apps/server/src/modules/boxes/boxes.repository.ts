// SQL for boxes: every box of a project the caller may read (a client sees its
// own boxes only), with where it is, its condition and its last movement.
import type { Database } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import type { Kysely } from "kysely";
import { likePattern } from "../../lib/page.ts";
import { visibleProjects } from "../projects/projects.repository.ts";

export interface BoxFilter {
  q?: string | undefined;
  projectId?: string | undefined;
  batchId?: string | undefined;
  status?: string | undefined;
  kind?: "transfer" | "storage" | undefined;
  barcode?: string | undefined;
}

export function boxesRepository(db: Kysely<Database>) {
  const joined = () =>
    db
      .selectFrom("box as x")
      .innerJoin("project as p", "p.id", "x.projectId")
      .innerJoin("organisation as c", "c.id", "p.clientOrgId")
      .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
      .leftJoin("intakeBox as ib", "ib.boxId", "x.id")
      .leftJoin("intakeBatch as b", "b.id", "ib.batchId")
      .leftJoin("location as l", "l.id", "x.locationId")
      .leftJoin("vault as v", "v.id", "l.vaultId");

  const filtered = (scope: ReadScope, f: BoxFilter) => {
    let q = joined().where(visibleProjects(scope));
    if (f.q)
      q = q.where((eb) =>
        eb.or([
          eb("x.boxNo", "ilike", likePattern(f.q!)),
          eb("x.barcode", "ilike", likePattern(f.q!)),
          eb("x.sealNumber", "ilike", likePattern(f.q!)),
          eb("l.code", "ilike", likePattern(f.q!)),
        ]),
      );
    if (f.projectId) q = q.where("x.projectId", "=", f.projectId);
    if (f.batchId) q = q.where("ib.batchId", "=", f.batchId);
    if (f.status) q = q.where("x.status", "=", f.status as "shelved");
    if (f.kind) q = q.where("x.kind", "=", f.kind);
    if (f.barcode) q = q.where("x.barcode", "=", f.barcode);
    return q;
  };

  return {
    async list(scope: ReadScope, f: BoxFilter, limit: number, offset: number) {
      const base = filtered(scope, f);
      const [items, count] = await Promise.all([
        base
          .select((eb) => [
            "x.id",
            "x.boxNo",
            "x.barcode",
            "x.kind",
            "x.carrier",
            "x.status",
            "x.condition",
            "x.sealNumber",
            "x.updatedAt",
            "p.id as projectId",
            "p.code as projectCode",
            "p.name as projectName",
            "c.name as clientName",
            "a.name as agencyName",
            "b.id as batchId",
            "b.code as batchCode",
            "l.code as locationCode",
            "v.name as vaultName",
            eb
              .selectFrom("boxItem as bi")
              .whereRef("bi.boxId", "=", "x.id")
              .select((e) => e.fn.countAll<number>().as("n"))
              .as("itemCount"),
            eb
              .selectFrom("boxMovement as m")
              .leftJoin("appUser as u", "u.id", "m.byUserId")
              .whereRef("m.boxId", "=", "x.id")
              .select((e) => e.fn<string>("concat_ws", [e.val(" · "), "m.kind", "u.displayName"]).as("t"))
              .orderBy("m.at", "desc")
              .limit(1)
              .as("lastMovement"),
            eb
              .selectFrom("boxMovement as m")
              .whereRef("m.boxId", "=", "x.id")
              .select("m.at")
              .orderBy("m.at", "desc")
              .limit(1)
              .as("lastMovedAt"),
          ])
          .orderBy("p.code")
          .orderBy("x.boxNo")
          .limit(limit)
          .offset(offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return {
        items: items.map((i) => ({ ...i, itemCount: Number(i.itemCount ?? 0) })),
        total: Number(count.n),
      };
    },

    /** The box with its project's parties, regardless of scope; callers apply the policy. */
    find(id: string) {
      return joined()
        .selectAll("x")
        .select([
          "p.code as projectCode",
          "p.name as projectName",
          "c.name as clientName",
          "c.district as clientDistrict",
          "a.name as agencyName",
          "a.district as agencyDistrict",
          "b.id as batchId",
          "b.code as batchCode",
          "b.status as batchStatus",
          "l.code as locationCode",
          "v.name as vaultName",
          "v.code as vaultCode",
        ])
        .where("x.id", "=", id)
        .executeTakeFirst();
    },
  };
}
