// Small pieces the facilities services share.
import type { Database } from "@dangan/db";
import { type Actor, DomainError } from "@dangan/domain";
import type { Kysely } from "kysely";

/** Today in Shanghai as YYYY-MM-DD: due dates are calendar dates there (D-9.7). */
export const todayInShanghai = (now = new Date()) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);

export const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export { actorUserId as userIdOf } from "../../lib/audit-actor.ts";

/** The agency a new record belongs to: the one named, else the caller's own (the operator must name it). */
export function owningAgency(actor: Actor, given: string | undefined): string {
  if (given) return given;
  if (actor.type === "user") return actor.orgId;
  throw new DomainError({
    code: "AGENCY_REQUIRED",
    status: 422,
    message: { zh: "请指定所属机构", en: "Name the agency the record belongs to" },
  });
}

/** D-5.1: facilities are registered for custody agencies only. */
export async function assertCustodyAgency(db: Kysely<Database>, agencyOrgId: string) {
  const org = await db
    .selectFrom("organisation")
    .select(["kind", "serviceTypes"])
    .where("id", "=", agencyOrgId)
    .executeTakeFirst();
  if (org?.kind === "agency" && org.serviceTypes.includes("custody")) return;
  throw new DomainError({
    code: "NOT_A_CUSTODY_AGENCY",
    status: 422,
    clause: "D-5.1",
    message: {
      zh: "库房设施只能登记在档案寄存托管机构名下",
      en: "Facilities belong to custody agencies only",
    },
  });
}

/** D-9.2: keepers and key holders are active users of the vault's agency. */
export async function assertAgencyUser(
  db: Kysely<Database>,
  agencyOrgId: string,
  userId: string,
  roles?: readonly string[],
) {
  const u = await db
    .selectFrom("appUser")
    .select(["orgId", "active", "roles"])
    .where("id", "=", userId)
    .executeTakeFirst();
  const fits =
    !!u && u.orgId === agencyOrgId && u.active && (!roles || u.roles.some((r) => roles.includes(r)));
  if (fits) return;
  throw new DomainError({
    code: "NOT_AGENCY_STAFF",
    status: 422,
    clause: "D-9.2",
    message: {
      zh: roles ? "库房管理员须为本机构在职的库房管理员或负责人" : "钥匙持有人须为本机构在职人员",
      en: roles
        ? "The keeper must be an active vault keeper or manager of this agency"
        : "Key holders must be active users of this agency",
    },
  });
}

export const inUse = (what: { zh: string; en: string }) =>
  new DomainError({ code: "IN_USE", status: 409, message: what });
