// Z-6.5, Z-7.2: batches of cleared volumes with fixed temporary storage, and the
// workstation chain. recordStationHandover is THE one way a volume moves between
// workstations; the quality-control correction loop calls it too.
import { inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  type AuditEventDraft,
  assertBatchStartable,
  assertDigitizationActive,
  assertStationHandover,
  assertVolumeBatchable,
  type BatchCreateInput,
  conflict,
  DomainError,
  notFound,
  originalsPermissions,
  originalsPolicy,
  type StationHandoverInput,
  type StorageInput,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { chainFacts, type OriginalsRepository, volumeFacts } from "./originals.repository.ts";
import { type OriginalsProject, scopeOf, userIdOf } from "./originals-context.ts";

type Audit = { record(d: AuditEventDraft): void };

export function chainService({ dbh: { db } }: Deps, project: OriginalsProject, repo: OriginalsRepository) {
  const batchOf = async (actor: Actor, batchId: string, trx = db, lock = false) => {
    const b = await repo.batch(trx, batchId, lock);
    if (!b) throw notFound("batch", batchId);
    const p = await project(actor, b.projectId, trx).catch(() => {
      throw notFound("batch", batchId);
    });
    return { b, p };
  };
  const mayWork = (
    actor: Actor,
    p: { parties: Parameters<typeof originalsPolicy.work>[1] },
    doing: string,
  ) => {
    if (!originalsPolicy.work(actor, p.parties))
      throw new DomainError({
        code: "FORBIDDEN",
        status: 403,
        message: { zh: "只有数字化机构作业人员可以执行此操作", en: `Only the agency's staff may ${doing}` },
      });
  };

  /** Z-6.1: every path that puts volumes in a batch comes through here. */
  async function addVolumesIn(
    trx: Tx,
    audit: Audit,
    actor: Actor,
    batch: { id: string; projectId: string; code: string },
    ids: string[],
    scope: string[],
  ) {
    const vols = await repo.lockedVolumes(trx, batch.projectId, ids);
    if (vols.length !== new Set(ids).size) throw notFound("volume");
    for (const v of vols) assertVolumeBatchable({ ...v, batchId: v.batchId ?? null });
    await trx
      .insertInto("digitizationBatchVolume")
      .values(vols.map((v) => ({ batchId: batch.id, volumeId: v.id, addedBy: userIdOf(actor) })))
      .execute();
    audit.record({
      action: "digitization_batch.volumes_added",
      entityType: "digitization_batch",
      entityId: batch.id,
      payload: { batchCode: batch.code, referenceCodes: vols.map((v) => v.referenceCode) },
      scopeOrgIds: scope,
    });
    return vols.length;
  }

  /**
   * Z-7.2: records a handover between stations (null = the batch's temporary
   * storage) inside the caller's transaction and moves the volumes.
   */
  async function recordStationHandoverIn(
    trx: Tx,
    audit: Audit,
    actor: Actor,
    batchId: string,
    input: StationHandoverInput,
  ) {
    const { b, p } = await batchOf(actor, batchId, trx, true);
    mayWork(actor, p, "record station handovers");
    assertDigitizationActive(p, "Z-7.2");
    for (const id of [input.fromWorkstationId, input.toWorkstationId])
      if (id && !(await repo.workstation(trx, p.id, id))) throw notFound("workstation", id);
    const ids =
      input.volumeIds ??
      (
        await volumeFacts(trx)
          .where("bv.batchId", "=", batchId)
          .where("bv.withdrawnAt", "is", null)
          .where((eb) =>
            input.fromWorkstationId
              ? eb("v.currentWorkstationId", "=", input.fromWorkstationId)
              : eb("v.currentWorkstationId", "is", null),
          )
          .execute()
      ).map((v) => v.id);
    const vols = await repo.lockedVolumes(trx, p.id, ids);
    if (vols.length !== new Set(ids).size) throw notFound("volume");
    const staff = async (station: string | null) =>
      station ? repo.staffOf(trx, station) : b.custodianPersonId ? [b.custodianPersonId] : [];
    const [giver, receiver] = await Promise.all([
      repo.person(trx, p.id, input.giverPersonId),
      repo.person(trx, p.id, input.receiverPersonId),
    ]);
    if (!giver) throw notFound("person", input.giverPersonId);
    if (!receiver) throw notFound("person", input.receiverPersonId);
    assertStationHandover(
      {
        batchId,
        batchStatus: b.status,
        from: input.fromWorkstationId,
        to: input.toWorkstationId,
        giverPersonId: giver.id,
        receiverPersonId: receiver.id,
        volumes: vols.map(chainFacts),
        declaredQuantity: input.quantity,
      },
      { fromStaff: await staff(input.fromWorkstationId), toStaff: await staff(input.toWorkstationId) },
    );
    const items = vols.reduce((n, v) => n + v.itemCount, 0);
    const h = await trx
      .insertInto("digitizationStationHandover")
      .values({
        projectId: p.id,
        batchId,
        fromWorkstationId: input.fromWorkstationId,
        toWorkstationId: input.toWorkstationId,
        content: input.content,
        volumeCount: vols.length,
        itemCount: items,
        handedAt: input.handedAt ? new Date(input.handedAt) : new Date(),
        giverPersonId: giver.id,
        giverName: giver.name,
        receiverPersonId: receiver.id,
        receiverName: receiver.name,
        reason: input.reason ?? null,
        recordedBy: userIdOf(actor),
      })
      .returning(["id", "handedAt"])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("digitizationStationHandoverVolume")
      .values(vols.map((v) => ({ handoverId: h.id, volumeId: v.id })))
      .execute();
    await trx
      .updateTable("digitizationVolume")
      .set({ currentWorkstationId: input.toWorkstationId })
      .where("id", "in", ids)
      .execute();
    audit.record({
      action: "digitization_station_handover.recorded",
      entityType: "digitization_batch",
      entityId: batchId,
      payload: {
        handoverId: h.id,
        from: input.fromWorkstationId,
        to: input.toWorkstationId,
        content: input.content,
        volumes: vols.length,
        items,
        giver: giver.name,
        receiver: receiver.name,
        reason: input.reason ?? null,
        referenceCodes: vols.map((v) => v.referenceCode),
      },
      scopeOrgIds: scopeOf(p),
    });
    return { id: h.id, handedAt: h.handedAt, volumes: vols.length, items };
  }

  return {
    recordStationHandoverIn,

    /** Z-7.2: THE way volumes move between workstations. */
    async recordStationHandover(actor: Actor, batchId: string, input: StationHandoverInput) {
      return inTransaction(db, auditActor(actor), (trx, audit) =>
        recordStationHandoverIn(trx, audit, actor, batchId, input),
      );
    },

    async batches(actor: Actor, projectId: string) {
      const p = await project(actor, projectId);
      const items = await repo.batches(projectId);
      return { items, permissions: originalsPermissions(actor, p.parties) };
    },

    async createBatch(actor: Actor, projectId: string, input: BatchCreateInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const p = await project(actor, projectId, trx);
        mayWork(actor, p, "create batches");
        assertDigitizationActive(p, "Z-6.5");
        const clash = await trx
          .selectFrom("digitizationBatch")
          .select("id")
          .where("projectId", "=", projectId)
          .where("code", "=", input.code)
          .executeTakeFirst();
        if (clash) throw conflict("BATCH_CODE_TAKEN", { zh: "批次号已存在", en: "This batch code is taken" });
        const b = await trx
          .insertInto("digitizationBatch")
          .values({ projectId, code: input.code, title: input.title ?? null, createdBy: userIdOf(actor) })
          .returning(["id", "code", "status", "createdAt"])
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_batch.created",
          entityType: "digitization_batch",
          entityId: b.id,
          payload: { projectId, code: input.code, title: input.title ?? null },
          scopeOrgIds: scopeOf(p),
        });
        const added = input.volumeIds?.length
          ? await addVolumesIn(trx, audit, actor, { ...b, projectId }, input.volumeIds, scopeOf(p))
          : 0;
        return { ...b, volumes: added };
      });
    },

    async addVolumes(actor: Actor, batchId: string, volumeIds: string[]) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { b, p } = await batchOf(actor, batchId, trx, true);
        mayWork(actor, p, "add volumes to batches");
        assertDigitizationActive(p, "Z-6.5");
        if (b.status === "completed")
          throw conflict("BATCH_COMPLETED", { zh: "批次已完成", en: "The batch is completed" });
        return { added: await addVolumesIn(trx, audit, actor, b, volumeIds, scopeOf(p)) };
      });
    },

    /** Z-6.5: fixed room, cabinet and custodian per batch. */
    async fixStorage(actor: Actor, batchId: string, input: StorageInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { b, p } = await batchOf(actor, batchId, trx, true);
        mayWork(actor, p, "fix temporary storage");
        assertDigitizationActive(p, "Z-6.5");
        if (b.custodianPersonId)
          throw new DomainError({
            code: "STORAGE_ALREADY_FIXED",
            status: 409,
            clause: "Z-6.5",
            message: {
              zh: "本批次的暂存库房、档案柜和保管人已确定（定库、定柜、定人）",
              en: "The batch's storage room, cabinet and custodian are already fixed",
            },
          });
        const custodian = await repo.person(trx, p.id, input.custodianPersonId);
        if (custodian?.status !== "active") throw notFound("person", input.custodianPersonId);
        await trx
          .insertInto("digitizationTemporaryStorage")
          .values({
            batchId,
            room: input.room,
            cabinet: input.cabinet,
            custodianPersonId: custodian.id,
            custodianName: custodian.name,
            recordedBy: userIdOf(actor),
          })
          .execute();
        audit.record({
          action: "digitization_batch.storage_fixed",
          entityType: "digitization_batch",
          entityId: batchId,
          payload: { room: input.room, cabinet: input.cabinet, custodian: custodian.name },
          scopeOrgIds: scopeOf(p),
        });
        return { batchId, room: input.room, cabinet: input.cabinet, custodianName: custodian.name };
      });
    },

    /** Z-6.5: work starts only with storage fixed and every volume received. */
    async startBatch(actor: Actor, batchId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const { b, p } = await batchOf(actor, batchId, trx, true);
        mayWork(actor, p, "start batches");
        assertDigitizationActive(p, "Z-6.5");
        const vols = await volumeFacts(trx)
          .where("bv.batchId", "=", batchId)
          .where("bv.withdrawnAt", "is", null)
          .execute();
        assertBatchStartable({ status: b.status, hasStorage: !!b.custodianPersonId, volumes: vols });
        const at = new Date();
        await trx
          .updateTable("digitizationBatch")
          .set({ status: "in_progress", startedAt: at })
          .where("id", "=", batchId)
          .execute();
        audit.record({
          action: "digitization_batch.started",
          entityType: "digitization_batch",
          entityId: batchId,
          payload: { code: b.code, volumes: vols.length, room: b.room, cabinet: b.cabinet },
          scopeOrgIds: scopeOf(p),
        });
        return { id: batchId, status: "in_progress" as const, startedAt: at };
      });
    },

    /** A batch with its volumes, storage and station handovers. */
    async batch(actor: Actor, batchId: string) {
      const { b, p } = await batchOf(actor, batchId);
      const [volumes, handovers] = await Promise.all([
        volumeFacts(db).where("bv.batchId", "=", batchId).orderBy("v.referenceCode").execute(),
        repo.stationHandovers(p.id, { batchId }),
      ]);
      return { batch: b, volumes, handovers, permissions: originalsPermissions(actor, p.parties) };
    },

    /** The workstation board: each workstation with the volumes at it; storage first. */
    async board(actor: Actor, projectId: string) {
      const p = await project(actor, projectId);
      const [stations, volumes] = await Promise.all([
        db
          .selectFrom("digitizationWorkstation")
          .select(["id", "code", "name", "kind"])
          .where("projectId", "=", projectId)
          .orderBy("code")
          .execute(),
        volumeFacts(db)
          .where("v.projectId", "=", projectId)
          .where("bv.batchId", "is not", null)
          .where("bv.withdrawnAt", "is", null)
          .where("v.status", "=", "at_agency")
          .orderBy("v.referenceCode")
          .execute(),
      ]);
      const columns = [
        { id: null, code: "STORAGE", name: "暂存 / Temporary storage", kind: "storage" },
        ...stations,
      ].map((s) => ({ ...s, volumes: volumes.filter((v) => v.currentWorkstationId === s.id) }));
      return { columns, permissions: originalsPermissions(actor, p.parties) };
    },

    async stationHandovers(actor: Actor, projectId: string, f: { batchId?: string; volumeId?: string }) {
      await project(actor, projectId);
      return { items: await repo.stationHandovers(projectId, f) };
    },
  };
}
export type ChainService = ReturnType<typeof chainService>;
