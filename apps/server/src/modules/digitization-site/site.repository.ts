// SQL of the digitization site: which project a record belongs to, and the
// lists the pages show. Services apply policy; this file only reads.
import type { Database, Tx } from "@dangan/db";
import type { Kysely } from "kysely";
import { likePattern } from "../../lib/page.ts";

type Db = Kysely<Database> | Tx;

/** Records of the site and how to find their project. */
export const PROJECT_OF = {
  workstation: (db: Db, id: string) =>
    db.selectFrom("digitizationWorkstation").select("projectId").where("id", "=", id),
  person: (db: Db, id: string) =>
    db.selectFrom("digitizationPerson").select("projectId").where("id", "=", id),
  entry: (db: Db, id: string) =>
    db.selectFrom("digitizationEntryLog").select("projectId").where("id", "=", id),
  camera: (db: Db, id: string) =>
    db.selectFrom("digitizationCamera").select("projectId").where("id", "=", id),
  device: (db: Db, id: string) =>
    db.selectFrom("digitizationDevice").select("projectId").where("id", "=", id),
  device_exit: (db: Db, id: string) =>
    db.selectFrom("digitizationDeviceExit").select("projectId").where("id", "=", id),
  port: (db: Db, id: string) =>
    db
      .selectFrom("digitizationPort as t")
      .innerJoin("digitizationDevice as d", "d.id", "t.deviceId")
      .select("d.projectId")
      .where("t.id", "=", id),
  handover: (db: Db, id: string) =>
    db.selectFrom("digitizationMediaHandover").select("projectId").where("id", "=", id),
} as const;
export type SiteEntity = keyof typeof PROJECT_OF;

export async function projectOf(db: Db, entity: SiteEntity, id: string) {
  return (await PROJECT_OF[entity](db, id).executeTakeFirst())?.projectId;
}

/** Z-7.2: whether the platform user holds a post at the workstation of the project (active people). */
export async function isAssigned(db: Db, projectId: string, userId: string, workstationId: string) {
  const row = await db
    .selectFrom("digitizationWorkstationAssignment as a")
    .innerJoin("digitizationPerson as p", "p.id", "a.personId")
    .innerJoin("digitizationWorkstation as w", "w.id", "a.workstationId")
    .select("a.id")
    .where("w.projectId", "=", projectId)
    .where("a.workstationId", "=", workstationId)
    .where("p.userId", "=", userId)
    .where("p.status", "=", "active")
    .executeTakeFirst();
  return !!row;
}

export function siteRepository(db: Kysely<Database>) {
  return {
    workstations: (projectId: string) =>
      db
        .selectFrom("digitizationWorkstation")
        .selectAll()
        .where("projectId", "=", projectId)
        .orderBy("code")
        .execute(),

    assignments: (projectId: string) =>
      db
        .selectFrom("digitizationWorkstationAssignment as a")
        .innerJoin("digitizationWorkstation as w", "w.id", "a.workstationId")
        .innerJoin("digitizationPerson as p", "p.id", "a.personId")
        .select([
          "a.id",
          "a.workstationId",
          "a.personId",
          "a.post",
          "a.assignedAt",
          "p.name as personName",
          "p.badgeNo",
          "p.status as personStatus",
          "p.userId as personUserId",
        ])
        .where("w.projectId", "=", projectId)
        .orderBy("a.assignedAt")
        .execute(),

    async people(
      projectId: string,
      f: { q?: string | undefined; status?: string | undefined },
      limit: number,
      offset: number,
    ) {
      let q = db
        .selectFrom("digitizationPerson as p")
        .innerJoin("organisation as o", "o.id", "p.orgId")
        .where("p.projectId", "=", projectId);
      if (f.status) q = q.where("p.status", "=", f.status as "active");
      if (f.q) {
        const pat = likePattern(f.q);
        q = q.where((eb) =>
          eb.or([eb("p.name", "ilike", pat), eb("p.badgeNo", "ilike", pat), eb("p.role", "ilike", pat)]),
        );
      }
      const [items, total] = await Promise.all([
        q
          .selectAll("p")
          .select([
            "o.name as orgName",
            (eb) =>
              eb
                .exists(
                  eb
                    .selectFrom("digitizationEntryLog as e")
                    .select("e.id")
                    .whereRef("e.personId", "=", "p.id")
                    .where("e.outcome", "=", "admitted")
                    .where("e.exitedAt", "is", null),
                )
                .as("onSite"),
          ])
          .orderBy("p.badgeNo")
          .orderBy("p.name")
          .limit(limit)
          .offset(offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    async entries(
      projectId: string,
      f: { day?: string | undefined; outcome?: string | undefined },
      limit: number,
      offset: number,
    ) {
      let q = db
        .selectFrom("digitizationEntryLog as e")
        .innerJoin("digitizationPerson as p", "p.id", "e.personId")
        .where("e.projectId", "=", projectId);
      if (f.day) q = q.where("e.day", "=", f.day);
      if (f.outcome) q = q.where("e.outcome", "=", f.outcome as "admitted");
      const [items, total] = await Promise.all([
        q
          .selectAll("e")
          .select(["p.name as personName", "p.badgeNo"])
          .orderBy("e.checkedAt", "desc")
          .limit(limit)
          .offset(offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    onSite: (projectId: string) =>
      db
        .selectFrom("digitizationEntryLog as e")
        .innerJoin("digitizationPerson as p", "p.id", "e.personId")
        .select(["e.id as entryId", "e.personId", "e.checkedAt", "p.name", "p.badgeNo", "p.role"])
        .where("e.projectId", "=", projectId)
        .where("e.outcome", "=", "admitted")
        .where("e.exitedAt", "is", null)
        .orderBy("e.checkedAt")
        .execute(),

    cameras: (projectId: string) =>
      db
        .selectFrom("digitizationCamera as c")
        .leftJoin("digitizationWorkstation as w", "w.id", "c.workstationId")
        .selectAll("c")
        .select(["w.code as workstationCode", "w.name as workstationName"])
        .where("c.projectId", "=", projectId)
        .orderBy("c.label")
        .execute(),

    async devices(
      projectId: string,
      f: { q?: string | undefined; owner?: string | undefined },
      limit: number,
      offset: number,
    ) {
      let q = db
        .selectFrom("digitizationDevice as d")
        .leftJoin("digitizationPerson as p", "p.id", "d.custodianPersonId")
        .leftJoin("digitizationWorkstation as w", "w.id", "d.workstationId")
        .where("d.projectId", "=", projectId);
      if (f.owner) q = q.where("d.owner", "=", f.owner as "client");
      if (f.q) {
        const pat = likePattern(f.q);
        q = q.where((eb) => eb.or([eb("d.name", "ilike", pat), eb("d.serial", "ilike", pat)]));
      }
      const [items, total] = await Promise.all([
        q
          .selectAll("d")
          .select([
            "p.name as custodianName",
            "w.code as workstationCode",
            (eb) =>
              eb
                .selectFrom("digitizationDeviceExit as x")
                .select("x.status")
                .whereRef("x.deviceId", "=", "d.id")
                .where("x.status", "in", ["requested", "approved", "out"])
                .limit(1)
                .as("exitStatus"),
          ])
          .orderBy("d.serial")
          .limit(limit)
          .offset(offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    deviceExits: (projectId: string, statuses?: string[]) => {
      let q = db
        .selectFrom("digitizationDeviceExit as x")
        .innerJoin("digitizationDevice as d", "d.id", "x.deviceId")
        .selectAll("x")
        .select(["d.name as deviceName", "d.serial", "d.kind as deviceKind", "d.storesData"])
        .where("x.projectId", "=", projectId);
      if (statuses?.length) q = q.where("x.status", "in", statuses as "out"[]);
      return q.orderBy("x.requestedAt", "desc").limit(500).execute();
    },

    ports: (projectId: string) =>
      db
        .selectFrom("digitizationPort as t")
        .innerJoin("digitizationDevice as d", "d.id", "t.deviceId")
        .leftJoin("digitizationWorkstation as w", "w.id", "t.workstationId")
        .leftJoin("digitizationPerson as p", "p.id", "t.personId")
        .selectAll("t")
        .select([
          "d.name as deviceName",
          "d.serial",
          "d.projectId",
          "w.code as workstationCode",
          "p.name as personName",
          (eb) =>
            eb
              .selectFrom("digitizationSealTest as s")
              .select((e) => e.fn.max("s.testedAt").as("m"))
              .whereRef("s.portId", "=", "t.id")
              .as("lastTestedAt"),
          (eb) =>
            eb
              .selectFrom("digitizationSealTest as s")
              .select("s.result")
              .whereRef("s.portId", "=", "t.id")
              .orderBy("s.testedAt", "desc")
              .limit(1)
              .as("lastResult"),
        ])
        .where("d.projectId", "=", projectId)
        .orderBy("d.serial")
        .orderBy("t.label")
        .execute(),

    sealTests: (projectId: string) =>
      db
        .selectFrom("digitizationSealTest as s")
        .innerJoin("digitizationPort as t", "t.id", "s.portId")
        .innerJoin("digitizationDevice as d", "d.id", "t.deviceId")
        .leftJoin("appUser as u", "u.id", "s.testedBy")
        .selectAll("s")
        .select([
          "t.label as portLabel",
          "t.kind as portKind",
          "d.name as deviceName",
          "u.displayName as testedByName",
        ])
        .where("d.projectId", "=", projectId)
        .orderBy("s.testedAt", "desc")
        .limit(500)
        .execute(),

    media: (projectId: string) =>
      db
        .selectFrom("digitizationMedia as m")
        .leftJoin("digitizationPerson as p", "p.id", "m.custodianPersonId")
        .selectAll("m")
        .select("p.name as custodianName")
        .where("m.projectId", "=", projectId)
        .orderBy("m.label")
        .execute(),

    copies: (projectId: string) =>
      db
        .selectFrom("digitizationCopyEvent as c")
        .innerJoin("digitizationDevice as d", "d.id", "c.deviceId")
        .innerJoin("digitizationPerson as p", "p.id", "c.personId")
        .leftJoin("digitizationMedia as m", "m.id", "c.mediaId")
        .selectAll("c")
        .select(["d.name as deviceName", "d.serial", "p.name as personName", "m.label as mediaLabel"])
        .where("c.projectId", "=", projectId)
        .orderBy("c.at", "desc")
        .limit(500)
        .execute(),

    handovers: (projectId: string) =>
      db
        .selectFrom("digitizationMediaHandover as h")
        .selectAll("h")
        .select((eb) => [
          eb
            .exists(
              eb
                .selectFrom("confirmation as c")
                .select("c.id")
                .where("c.entityType", "=", "digitization_media_handover")
                .whereRef("c.entityId", "=", "h.id")
                .where("c.documentKind", "=", "digitization_no_copy"),
            )
            .as("noCopyConfirmed"),
          eb
            .selectFrom("digitizationMedia as m")
            .select((e) => e.fn.countAll<number>().as("n"))
            .whereRef("m.handoverId", "=", "h.id")
            .as("mediaCount"),
        ])
        .where("h.projectId", "=", projectId)
        .orderBy("h.handedAt", "desc")
        .execute(),

    openIncidents: (projectId: string) =>
      db
        .selectFrom("incident")
        .select(["id", "kind", "severity", "title", "status", "openedAt", "clauseId", "sourceType"])
        .where("projectId", "=", projectId)
        .where("status", "<>", "closed")
        .where("sourceType", "like", "digitization_%")
        .orderBy("openedAt", "desc")
        .limit(50)
        .execute(),
  };
}
export type SiteRepository = ReturnType<typeof siteRepository>;
