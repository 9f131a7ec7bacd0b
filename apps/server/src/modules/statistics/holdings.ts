// D-12.1: holdings — boxes in custody, the items they hold and their pages —
// broken down by one dimension. Counted over boxes of projects the caller may
// read, so a client sees its own holdings and a regulator its districts'.
import type { BoxStatus, Database } from "@dangan/db";
import type { ReadScope } from "@dangan/domain";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { visibleProjects } from "../projects/projects.repository.ts";

export const HOLDING_DIMENSIONS = ["client", "agency", "project", "vault", "category", "carrier"] as const;
export type HoldingDimension = (typeof HOLDING_DIMENSIONS)[number];

/** Boxes the agency has received and not yet given back: its custody holdings. */
export const HELD: BoxStatus[] = ["received", "shelved", "checked_out", "treatment"];

export interface HoldingRow {
  key: string | null;
  label: string | null;
  boxes: number;
  items: number;
  pages: number;
}

export interface HoldingFilter {
  projectId?: string | undefined;
  agencyOrgId?: string | undefined;
  clientOrgId?: string | undefined;
}

/** Key and label of each dimension; the vault is where the box is, or its recorded place when out. */
const DIMENSION: Record<
  HoldingDimension,
  { key: RawBuilder<string | null>; label: RawBuilder<string | null> }
> = {
  client: { key: sql`c.id::text`, label: sql`c.name` },
  agency: { key: sql`a.id::text`, label: sql`a.name` },
  project: { key: sql`p.id::text`, label: sql`p.code || ' ' || p.name` },
  vault: { key: sql`v.id::text`, label: sql`v.code || ' ' || v.name` },
  category: { key: sql`b.category`, label: sql`b.category` },
  carrier: { key: sql`b.carrier`, label: sql`b.carrier` },
};

export async function holdings(
  db: Kysely<Database>,
  scope: ReadScope,
  by: HoldingDimension,
  f: HoldingFilter,
): Promise<{ rows: HoldingRow[]; total: Omit<HoldingRow, "key" | "label"> }> {
  const contents = db
    .selectFrom("boxItem as bi")
    .innerJoin("catalogueItem as ci", "ci.id", "bi.itemId")
    .select([
      "bi.boxId",
      (eb) => eb.fn.countAll<number>().as("items"),
      sql<number>`coalesce(sum(ci.pages), 0)`.as("pages"),
    ])
    .groupBy("bi.boxId")
    .as("s");
  const d = DIMENSION[by];
  let q = db
    .selectFrom("box as b")
    .innerJoin("project as p", "p.id", "b.projectId")
    .innerJoin("organisation as c", "c.id", "p.clientOrgId")
    .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
    .leftJoin("location as l", (j) => j.on(sql<boolean>`l.id = coalesce(b.location_id, b.home_location_id)`))
    .leftJoin("vault as v", "v.id", "l.vaultId")
    .leftJoin(contents, "s.boxId", "b.id")
    .where(visibleProjects(scope))
    .where("b.status", "in", HELD);
  if (f.projectId) q = q.where("p.id", "=", f.projectId);
  if (f.agencyOrgId) q = q.where("p.agencyOrgId", "=", f.agencyOrgId);
  if (f.clientOrgId) q = q.where("p.clientOrgId", "=", f.clientOrgId);
  const rows = await q
    .select([
      d.key.as("key"),
      d.label.as("label"),
      (eb) => eb.fn.count<number>("b.id").as("boxes"),
      sql<number>`coalesce(sum(s.items), 0)`.as("items"),
      sql<number>`coalesce(sum(s.pages), 0)`.as("pages"),
    ])
    .groupBy([d.key, d.label])
    .orderBy("boxes", "desc")
    .orderBy("label")
    .execute();
  const typed = rows.map((r) => ({
    key: r.key,
    label: r.label,
    boxes: Number(r.boxes),
    items: Number(r.items),
    pages: Number(r.pages),
  }));
  const total = typed.reduce(
    (t, r) => ({ boxes: t.boxes + r.boxes, items: t.items + r.items, pages: t.pages + r.pages }),
    { boxes: 0, items: 0, pages: 0 },
  );
  return { rows: typed, total };
}
