// Items a user may pick for a grant or a request: the project's catalogue for
// its client and agency; for a grantee, only what the cited grant covers.
import type { Database } from "@dangan/db";
import { type Actor, notFound, policy } from "@dangan/domain";
import type { Kysely } from "kysely";
import { likePattern, pageOf } from "../../lib/page.ts";
import type { GrantsService } from "../grants/grants.service.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";

export interface ItemQuery {
  projectId: string;
  grantId?: string | undefined;
  q?: string | undefined;
  ids?: string[] | undefined;
}

export function requestableItems(db: Kysely<Database>, projects: ProjectsService, grants: GrantsService) {
  return async (actor: Actor, f: ItemQuery, page: number, pageSize: number) => {
    const p = await projects.repo.find(f.projectId);
    const party =
      !!p &&
      policy.readProject(actor, partiesOf(p)) &&
      (actor.type === "system" || actor.orgKind !== "regulator");
    const grant = f.grantId ? await grants.load(actor, f.grantId).catch(() => null) : null;
    if (!p || !(party || grant?.projectId === p.id)) throw notFound("project", f.projectId);
    let q = db
      .selectFrom("catalogueItem as i")
      .leftJoin("boxItem as bi", "bi.itemId", "i.id")
      .leftJoin("box as b", "b.id", "bi.boxId")
      .where("i.projectId", "=", p.id);
    if (grant)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("writtenGrantItem as gi")
            .select("gi.grantId")
            .where("gi.grantId", "=", grant.id)
            .where((e) => e.or([e("gi.itemId", "=", e.ref("i.id")), e("gi.boxId", "=", e.ref("bi.boxId"))])),
        ),
      );
    if (f.ids?.length) q = q.where("i.id", "in", f.ids);
    if (f.q) {
      const pat = likePattern(f.q);
      q = q.where((eb) =>
        eb.or([
          eb("i.title", "ilike", pat),
          eb("i.referenceCode", "ilike", pat),
          eb("b.boxNo", "ilike", pat),
        ]),
      );
    }
    const [items, count] = await Promise.all([
      q
        .select([
          "i.id",
          "i.referenceCode",
          "i.title",
          "i.year",
          "i.category",
          "i.pages",
          "b.id as boxId",
          "b.boxNo",
          "b.status as boxStatus",
        ])
        .orderBy("i.referenceCode")
        .orderBy("i.id")
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return pageOf(items, Number(count.n), page, pageSize);
  };
}
