// Z-6.1, Z-6.2: the client registers the volumes to digitize (one by one or
// from an xlsx/csv list, all or nothing), screens each for classified content
// and records their unshelving. A volume's chain of custody is read here too.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertDigitizationSetUp,
  assertScreenable,
  conflict,
  DomainError,
  normaliseReferenceCode,
  notFound,
  originalsPermissions,
  originalsPolicy,
  parseReferenceCode,
  REFERENCE_CODE_PROBLEMS,
  type ScreeningInput,
  type VolumeCreateInput,
  type VolumeRow,
  validateVolumeRows,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import { type OriginalsRepository, type VolumeFilter, volumeFacts } from "./originals.repository.ts";
import { type OriginalsProject, scopeOf, userIdOf } from "./originals-context.ts";
import { readVolumeFile } from "./volume-file.ts";

const importRefused = (problems: unknown[]) =>
  new DomainError({
    code: "VOLUME_LIST_INVALID",
    status: 422,
    clause: "Z-6.1",
    message: {
      zh: `案卷清单有 ${problems.length} 处问题，未导入任何案卷`,
      en: `The volume list has ${problems.length} problem(s); nothing was imported`,
    },
    details: { problems: problems.slice(0, 200), problemCount: problems.length },
  });

export function volumesService({ dbh: { db } }: Deps, project: OriginalsProject, repo: OriginalsRepository) {
  const registrable = async (actor: Actor, projectId: string, trx = db) => {
    const p = await project(actor, projectId, trx, {
      allowed: originalsPolicy.register,
      doing: "register the volumes to digitize",
    });
    assertDigitizationSetUp(p);
    return p;
  };

  async function insertRows(actor: Actor, projectId: string, rows: VolumeRow[], source: string) {
    return inTransaction(db, auditActor(actor), async (trx, audit) => {
      const p = await registrable(actor, projectId, trx);
      const held = await trx
        .selectFrom("digitizationVolume")
        .select("referenceCode")
        .where("projectId", "=", projectId)
        .where(
          "referenceCode",
          "in",
          rows.map((r) => r.referenceCode),
        )
        .execute();
      if (held.length)
        throw importRefused(
          held.map((h) => ({
            row: rows.find((r) => r.referenceCode === h.referenceCode)?.row ?? 0,
            column: "referenceCode",
            header: null,
            code: "duplicate_held",
            value: h.referenceCode,
            message: { zh: "该档号已登记在本项目中", en: "This reference code is already registered" },
          })),
        );
      const inserted = await trx
        .insertInto("digitizationVolume")
        .values(
          rows.map((r) => ({
            projectId,
            referenceCode: r.referenceCode,
            title: r.title,
            itemCount: r.itemCount,
            expectedPages: r.expectedPages,
            createdBy: userIdOf(actor),
          })),
        )
        .returning(["id", "referenceCode"])
        .execute();
      audit.record({
        action: "digitization_volume.registered",
        entityType: "project",
        entityId: projectId,
        payload: {
          source,
          count: inserted.length,
          items: rows.reduce((n, r) => n + r.itemCount, 0),
          referenceCodes: inserted.slice(0, 100).map((v) => v.referenceCode),
        },
        scopeOrgIds: scopeOf(p),
      });
      return { imported: inserted.length, volumes: inserted };
    });
  }

  return {
    /** Before a file is read: may the caller register volumes here at all? */
    importable: async (actor: Actor, projectId: string) => {
      await registrable(actor, projectId);
    },

    async list(actor: Actor, projectId: string, f: VolumeFilter, page: number, pageSize: number) {
      const p = await project(actor, projectId);
      const r = await repo.volumes(projectId, f, pageSize, (page - 1) * pageSize);
      return {
        ...pageOf(r.items, r.total, page, pageSize),
        permissions: originalsPermissions(actor, p.parties),
      };
    },

    /** Z-6.1: one volume, typed in. */
    async create(actor: Actor, projectId: string, input: VolumeCreateInput) {
      const code = normaliseReferenceCode(input.referenceCode);
      const parsed = parseReferenceCode(code);
      if (!parsed.ok)
        throw new DomainError({
          code: "REFERENCE_CODE_INVALID",
          status: 400,
          message: REFERENCE_CODE_PROBLEMS[parsed.problem],
          details: {
            issues: [{ path: "referenceCode", message: REFERENCE_CODE_PROBLEMS[parsed.problem].en }],
          },
        });
      const r = await insertRows(
        actor,
        projectId,
        [
          {
            row: 0,
            referenceCode: code,
            title: input.title,
            itemCount: input.itemCount,
            expectedPages: input.expectedPages ?? null,
          },
        ],
        "form",
      ).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === "VOLUME_LIST_INVALID")
          throw conflict("VOLUME_EXISTS", {
            zh: "该档号已登记在本项目中",
            en: "This reference code is already registered",
          });
        throw e;
      });
      return r.volumes[0]!;
    },

    /** Z-6.1: a list from a file (API upload or CLI); any problem refuses all of it. */
    async importFile(actor: Actor, projectId: string, path: string, filename: string) {
      await registrable(actor, projectId);
      const { header, rows } = await readVolumeFile(path, filename);
      const held = new Set(
        (
          await db
            .selectFrom("digitizationVolume")
            .select("referenceCode")
            .where("projectId", "=", projectId)
            .execute()
        ).map((v) => v.referenceCode),
      );
      const checked = validateVolumeRows(header, rows, held);
      if (checked.problems.length) throw importRefused(checked.problems);
      return insertRows(actor, projectId, checked.rows, `file:${filename}`);
    },

    /** Z-6.1: the client's screening: cleared, or flagged as classified. */
    async screen(actor: Actor, projectId: string, input: ScreeningInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const p = await project(actor, projectId, trx, {
          allowed: originalsPolicy.screen,
          doing: "screen volumes",
        });
        assertDigitizationSetUp(p);
        const vols = await repo.lockedVolumes(trx, projectId, input.volumeIds);
        if (vols.length !== new Set(input.volumeIds).size) throw notFound("volume");
        for (const v of vols)
          assertScreenable({ referenceCode: v.referenceCode, batchId: v.batchId ?? null });
        await trx
          .updateTable("digitizationVolume")
          .set({
            screening: input.outcome,
            screeningNote: input.note ?? null,
            screenedBy: userIdOf(actor),
            screenedAt: new Date(),
          })
          .where("id", "in", input.volumeIds)
          .execute();
        audit.record({
          action: "digitization_volume.screened",
          entityType: "project",
          entityId: projectId,
          payload: {
            outcome: input.outcome,
            note: input.note ?? null,
            volumes: vols.map((v) => ({ id: v.id, referenceCode: v.referenceCode, was: v.screening })),
          },
          scopeOrgIds: scopeOf(p),
        });
        return { screened: vols.length, outcome: input.outcome };
      });
    },

    /** Z-6.2: unshelving, recorded by the client's own staff only. */
    async unshelve(actor: Actor, projectId: string, volumeIds: string[]) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const p = await project(actor, projectId, trx);
        if (!originalsPolicy.unshelve(actor, p.parties))
          throw new DomainError({
            code: "UNSHELVING_BY_CLIENT_ONLY",
            status: 403,
            clause: "Z-6.2",
            message: {
              zh: "调档下架由委托方负责，数字化机构人员不得进入委托方库房",
              en: "Unshelving is the client's; agency staff may not enter the client's storage rooms",
            },
          });
        assertDigitizationSetUp(p);
        const vols = await repo.lockedVolumes(trx, projectId, volumeIds);
        if (vols.length !== new Set(volumeIds).size) throw notFound("volume");
        const wrong = vols.filter((v) => v.status !== "registered");
        if (wrong.length)
          throw new DomainError({
            code: "VOLUME_ALREADY_UNSHELVED",
            status: 409,
            clause: "Z-6.2",
            message: {
              zh: `${wrong.length} 卷档案已下架或已移交`,
              en: `${wrong.length} volume(s) are already unshelved or handed over`,
            },
            details: { referenceCodes: wrong.map((v) => v.referenceCode).slice(0, 20) },
          });
        const at = new Date();
        await trx
          .updateTable("digitizationVolume")
          .set({ status: "unshelved", unshelvedBy: userIdOf(actor), unshelvedAt: at })
          .where("id", "in", volumeIds)
          .execute();
        audit.record({
          action: "digitization_volume.unshelved",
          entityType: "project",
          entityId: projectId,
          payload: { at: at.toISOString(), referenceCodes: vols.map((v) => v.referenceCode) },
          scopeOrgIds: scopeOf(p),
        });
        return { unshelved: vols.length, at };
      });
    },

    /** Z-7.2: the full chain of custody of one volume, in time order. */
    async chain(actor: Actor, volumeId: string) {
      const v = await volumeFacts(db).where("v.id", "=", volumeId).executeTakeFirst();
      if (!v) throw notFound("volume", volumeId);
      const p = await project(actor, v.projectId).catch(() => {
        throw notFound("volume", volumeId);
      });
      const [lists, conditions, moves, stops, checks] = await Promise.all([
        db
          .selectFrom("digitizationHandoverLine as l")
          .innerJoin("digitizationHandoverList as h", "h.id", "l.listId")
          .select([
            "h.id",
            "h.code",
            "h.direction",
            "h.handedAt",
            "h.status",
            "h.clientHandlerName",
            "h.agencyHandlerName",
            "h.confirmedAt",
            "l.quality",
          ])
          .where("l.volumeId", "=", volumeId)
          .orderBy("h.handedAt")
          .execute(),
        db
          .selectFrom("digitizationCondition as c")
          .leftJoin("appUser as u", "u.id", "c.recordedBy")
          .selectAll("c")
          .select("u.displayName as recordedByName")
          .where("c.volumeId", "=", volumeId)
          .orderBy("c.recordedAt")
          .execute(),
        repo.stationHandovers(v.projectId, { volumeId }),
        repo.stops(v.projectId, undefined).then((s) => s.filter((x) => x.volumeId === volumeId)),
        db.selectFrom("digitizationReturnCheck").selectAll().where("volumeId", "=", volumeId).execute(),
      ]);
      type Event = { at: Date; kind: string; [k: string]: unknown };
      const events: Event[] = [
        ...(v.unshelvedAt ? [{ at: v.unshelvedAt, kind: "unshelved" }] : []),
        ...lists.map((l) => ({ at: l.handedAt, kind: `list_${l.direction}`, ...l })),
        ...conditions.map((c) => ({ at: c.recordedAt, kind: `condition_${c.stage}`, ...c })),
        ...moves.map((m) => ({ at: m.handedAt, kind: "station_handover", ...m })),
        ...stops.flatMap((s) => [
          { at: s.stoppedAt, kind: "stopped", ...s },
          ...(s.resolvedAt ? [{ at: s.resolvedAt, kind: `stop_${s.resolution}`, ...s }] : []),
        ]),
        ...checks.map((c) => ({ at: c.checkedAt, kind: "return_checked", ...c })),
      ].sort((a, b) => a.at.getTime() - b.at.getTime());
      return {
        volume: v,
        project: { id: p.id, code: p.code, name: p.name, status: p.status },
        events,
        permissions: originalsPermissions(actor, p.parties),
      };
    },
  };
}
export type VolumesService = ReturnType<typeof volumesService>;
