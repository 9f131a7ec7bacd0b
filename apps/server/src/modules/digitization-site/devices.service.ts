// Z-5.5 cameras; Z-5.7 devices with custodians and take-outs approved by the
// client; Z-5.8 ports sealed or assigned, seal tests (a broken seal on a port
// that is not needed opens an incident); Z-8.3 device disposition at close.
import { inTransaction, type Tx } from "@dangan/db";
import {
  type Actor,
  brokenSealIsIncident,
  cameraRefusal,
  conflict,
  type DeviceExitAction,
  type DeviceKind,
  type DeviceOwner,
  type Disposition,
  deviceExitOpenRefusal,
  deviceExitStep,
  dispositionRefusal,
  notFound,
  type PortKind,
  type PortState,
  portRefusal,
  type SealResult,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import type { SiteConfig } from "./site.config.ts";
import { isAssigned } from "./site.repository.ts";
import { type SiteAccess, userId } from "./site-access.ts";

export interface CameraInput {
  label: string;
  workstationId?: string | undefined;
  area?: string | undefined;
  recordingsHeldBy?: "client" | "agency" | undefined;
  retentionDays?: number | undefined;
}

export interface DeviceInput {
  kind: DeviceKind;
  name: string;
  serial: string;
  owner: DeviceOwner;
  storesData: boolean;
  custodianPersonId?: string | undefined;
  workstationId?: string | undefined;
}

export interface PortInput {
  kind: PortKind;
  label: string;
  state: PortState;
  workstationId?: string | undefined;
  personId?: string | undefined;
  post?: string | undefined;
}

const isUnique = (e: unknown) => (e as { code?: string }).code === "23505";

async function inProject(
  trx: Tx,
  table: "digitizationWorkstation" | "digitizationPerson",
  id: string | undefined,
  projectId: string,
) {
  if (!id) return;
  const row = await trx
    .selectFrom(table)
    .select("id")
    .where("id", "=", id)
    .where("projectId", "=", projectId)
    .executeTakeFirst();
  if (!row) throw notFound(table === "digitizationPerson" ? "person" : "workstation", id);
}

export function devicesService(
  { dbh: { db } }: Deps,
  site: SiteAccess,
  incidents: IncidentsService,
  config: SiteConfig,
) {
  const exitStep = async (actor: Actor, exitId: string, action: DeviceExitAction, note?: string) =>
    inTransaction(db, auditActor(actor), async (trx, audit) => {
      const need = action === "approve" || action === "reject" ? "clientDecide" : "record";
      const s = await site.loadRecord(actor, "device_exit", exitId, trx, need);
      const x = await trx
        .selectFrom("digitizationDeviceExit")
        .selectAll()
        .where("id", "=", exitId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const status = deviceExitStep(x.status, action);
      const now = new Date();
      const by = userId(actor);
      const set =
        action === "approve" || action === "reject"
          ? { decidedAt: now, decidedBy: by, decisionNote: note ?? null }
          : action === "exit"
            ? { exitedAt: now, exitBy: by }
            : { returnedAt: now, returnBy: by, returnNote: note ?? null };
      const row = await trx
        .updateTable("digitizationDeviceExit")
        .set({ status, ...set })
        .where("id", "=", exitId)
        .returningAll()
        .executeTakeFirstOrThrow();
      const actions = {
        approve: "digitization_device_exit.approved",
        reject: "digitization_device_exit.rejected",
        exit: "digitization_device_exit.exited",
        return: "digitization_device_exit.returned",
      } as const;
      audit.record({
        action: actions[action],
        entityType: "digitization_device",
        entityId: x.deviceId,
        payload: { exitId, from: x.status, to: status, note: note ?? null },
        scopeOrgIds: s.scopeOrgIds,
      });
      return row;
    });

  return {
    async registerCamera(actor: Actor, projectId: string, input: CameraInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.load(actor, projectId, "register", trx);
        const recordingsHeldBy = input.recordingsHeldBy ?? "client";
        const veto = cameraRefusal({ ...input, recordingsHeldBy });
        if (veto) throw veto;
        await inProject(trx, "digitizationWorkstation", input.workstationId, projectId);
        const row = await trx
          .insertInto("digitizationCamera")
          .values({
            projectId,
            label: input.label,
            workstationId: input.workstationId ?? null,
            area: input.area?.trim().toLowerCase() || null,
            recordingsHeldBy,
            retentionDays: input.retentionDays ?? config.cameraRetentionDays,
            registeredBy: userId(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_camera.registered",
          entityType: "digitization_camera",
          entityId: row.id,
          payload: {
            projectId,
            label: row.label,
            workstationId: row.workstationId,
            area: row.area,
            retentionDays: row.retentionDays,
          },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    async removeCamera(actor: Actor, cameraId: string) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "camera", cameraId, trx, "register");
        const row = await trx
          .updateTable("digitizationCamera")
          .set({ status: "removed" })
          .where("id", "=", cameraId)
          .where("status", "=", "active")
          .returningAll()
          .executeTakeFirst();
        if (!row)
          throw conflict("CAMERA_REMOVED", { zh: "摄像头已撤除", en: "The camera was already removed" });
        audit.record({
          action: "digitization_camera.removed",
          entityType: "digitization_camera",
          entityId: cameraId,
          payload: { label: row.label },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    async registerDevice(actor: Actor, projectId: string, input: DeviceInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.load(actor, projectId, "register", trx);
        await inProject(trx, "digitizationPerson", input.custodianPersonId, projectId);
        await inProject(trx, "digitizationWorkstation", input.workstationId, projectId);
        const row = await trx
          .insertInto("digitizationDevice")
          .values({
            projectId,
            kind: input.kind,
            name: input.name,
            serial: input.serial,
            owner: input.owner,
            storesData: input.storesData,
            custodianPersonId: input.custodianPersonId ?? null,
            workstationId: input.workstationId ?? null,
            registeredBy: userId(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((e) => {
            throw isUnique(e)
              ? conflict("DUPLICATE", {
                  zh: "设备序列号已登记",
                  en: "A device with this serial is registered",
                })
              : e;
          });
        audit.record({
          action: "digitization_device.registered",
          entityType: "digitization_device",
          entityId: row.id,
          payload: { projectId, ...input },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-5.7: the agency asks to take a device out; the client decides. */
    async requestExit(actor: Actor, deviceId: string, input: { reason: string }) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "device", deviceId, trx, "record");
        await trx
          .selectFrom("digitizationDevice")
          .select("id")
          .where("id", "=", deviceId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const open = await trx
          .selectFrom("digitizationDeviceExit")
          .select("status")
          .where("deviceId", "=", deviceId)
          .where("status", "in", ["requested", "approved", "out"])
          .executeTakeFirst();
        const veto = deviceExitOpenRefusal(open?.status);
        if (veto) throw veto;
        const row = await trx
          .insertInto("digitizationDeviceExit")
          .values({ deviceId, projectId: s.project.id, reason: input.reason, requestedBy: userId(actor) })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_device_exit.requested",
          entityType: "digitization_device",
          entityId: deviceId,
          payload: { exitId: row.id, reason: input.reason },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    decideExit: (actor: Actor, exitId: string, input: { approve: boolean; note?: string | undefined }) =>
      exitStep(actor, exitId, input.approve ? "approve" : "reject", input.note),
    recordExit: (actor: Actor, exitId: string) => exitStep(actor, exitId, "exit"),
    recordReturn: (actor: Actor, exitId: string, input: { note?: string | undefined }) =>
      exitStep(actor, exitId, "return", input.note),

    /** Z-8.3: what happens to the device at close, as the regulation allows. */
    async dispose(
      actor: Actor,
      deviceId: string,
      input: { disposition: Disposition; note?: string | undefined },
    ) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "device", deviceId, trx, "register");
        const d = await trx
          .selectFrom("digitizationDevice")
          .selectAll()
          .where("id", "=", deviceId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const veto = dispositionRefusal(d, input.disposition);
        if (veto) throw veto;
        const row = await trx
          .updateTable("digitizationDevice")
          .set({
            disposition: input.disposition,
            dispositionNote: input.note ?? null,
            dispositionAt: new Date(),
            dispositionBy: userId(actor),
          })
          .where("id", "=", deviceId)
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_device.disposed",
          entityType: "digitization_device",
          entityId: deviceId,
          payload: { from: d.disposition, to: input.disposition, note: input.note ?? null },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-5.8: a port, sealed or needed; a needed one has a post and a person holding it. */
    async registerPort(actor: Actor, deviceId: string, input: PortInput) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "device", deviceId, trx, "register");
        await inProject(trx, "digitizationWorkstation", input.workstationId, s.project.id);
        await inProject(trx, "digitizationPerson", input.personId, s.project.id);
        let assignedThere: boolean | undefined;
        if (input.state === "needed" && input.workstationId && input.personId) {
          const a = await trx
            .selectFrom("digitizationWorkstationAssignment")
            .select("post")
            .where("workstationId", "=", input.workstationId)
            .where("personId", "=", input.personId)
            .executeTakeFirst();
          assignedThere = !!a;
          input.post ??= a?.post;
        }
        const veto = portRefusal({ ...input, personAssignedThere: assignedThere });
        if (veto) throw veto;
        const needed = input.state === "needed";
        const row = await trx
          .insertInto("digitizationPort")
          .values({
            deviceId,
            kind: input.kind,
            label: input.label,
            state: input.state,
            workstationId: needed ? (input.workstationId ?? null) : null,
            personId: needed ? (input.personId ?? null) : null,
            post: needed ? (input.post ?? null) : null,
            registeredBy: userId(actor),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        audit.record({
          action: "digitization_port.registered",
          entityType: "digitization_device",
          entityId: deviceId,
          payload: { portId: row.id, ...input },
          scopeOrgIds: s.scopeOrgIds,
        });
        return row;
      });
    },

    /** Z-5.8: a seal test; a broken seal on a port that is not needed opens an incident. */
    async recordSealTest(
      actor: Actor,
      portId: string,
      input: { result: SealResult; note?: string | undefined; testedAt?: string | undefined },
    ) {
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const s = await site.loadRecord(actor, "port", portId, trx, "record");
        const port = await trx
          .selectFrom("digitizationPort as t")
          .innerJoin("digitizationDevice as d", "d.id", "t.deviceId")
          .select(["t.id", "t.state", "t.label", "t.kind", "d.name as deviceName", "d.serial"])
          .where("t.id", "=", portId)
          .executeTakeFirstOrThrow();
        const testedAt = input.testedAt ? new Date(input.testedAt) : new Date();
        if (testedAt.getTime() > Date.now() + 60_000)
          throw conflict("TEST_IN_FUTURE", {
            zh: "检测时间不能晚于现在",
            en: "A seal test cannot be in the future",
          });
        const row = await trx
          .insertInto("digitizationSealTest")
          .values({
            portId,
            testedAt,
            testedBy: userId(actor),
            result: input.result,
            note: input.note ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        let incidentId: string | null = null;
        if (brokenSealIsIncident(port.state, input.result)) {
          incidentId = await incidents.openIn(trx, audit, {
            projectId: s.project.id,
            kind: "security",
            severity: "major",
            source: "system",
            sourceType: "digitization_seal_test",
            sourceId: row.id,
            clauseId: "Z-5.8",
            title: `封闭端口检测发现封条破损：${port.deviceName}（${port.serial}）${port.label}`,
            description: "非工作流程必需的数据端口封闭失效，须查明是否有数据输出",
            openedBy: userId(actor),
          });
          await trx
            .updateTable("digitizationSealTest")
            .set({ incidentId })
            .where("id", "=", row.id)
            .execute();
        }
        audit.record({
          action: "digitization_seal_test.recorded",
          entityType: "digitization_device",
          entityId: portId,
          payload: { testId: row.id, port: port.label, result: input.result, incidentId },
          scopeOrgIds: s.scopeOrgIds,
        });
        return { ...row, incidentId };
      });
    },

    /** Z-7.2 shared with the originals: whether a user holds a post at the workstation. */
    isAssigned: (projectId: string, userIdValue: string, workstationId: string) =>
      isAssigned(db, projectId, userIdValue, workstationId),
  };
}
export type DevicesService = ReturnType<typeof devicesService>;
