// D-9.11: the movement register, read-only. Rows are written by recordMovement
// (record.ts) in the modules that move boxes; here they are searched and exported.
import { type Actor, readScope } from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { pageOf } from "../../lib/page.ts";
import { EXPORT_LIMIT } from "../../lib/xlsx.ts";
import { type MovementFilter, movementsRepository } from "./movements.repository.ts";

export function movementsService({ dbh: { db } }: Deps) {
  const repo = movementsRepository(db);
  return {
    async list(actor: Actor, f: MovementFilter, page: number, pageSize: number) {
      const { items, total } = await repo.list(readScope(actor), f, pageSize, (page - 1) * pageSize);
      return pageOf(items, total, page, pageSize);
    },

    async exportRows(actor: Actor, f: MovementFilter) {
      return (await repo.list(readScope(actor), f, EXPORT_LIMIT, 0)).items;
    },

    facets: (actor: Actor) => repo.facets(readScope(actor)),
  };
}
export type MovementsService = ReturnType<typeof movementsService>;
