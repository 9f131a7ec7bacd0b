// The digitization site (Z-5.5–Z-5.8, Z-7.1, Z-7.2, Z-7.5–Z-7.7, Z-8.3): the
// registers, the dashboard, and the checks the project's close asks for.
import {
  type Actor,
  cameraCoverageGaps,
  mediaHandoverOpenPoints,
  openDispositions,
  overdueSealTests,
  readScope,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import { visibleProjects } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { devicesService } from "./devices.service.ts";
import { mediaService } from "./media.service.ts";
import { peopleService } from "./people.service.ts";
import { siteConfig } from "./site.config.ts";
import { isAssigned, siteRepository } from "./site.repository.ts";
import { siteAccess } from "./site-access.ts";

export function digitizationSiteService(
  deps: Deps,
  projects: ProjectsService,
  incidents: IncidentsService,
  confirmations: ConfirmationsService,
) {
  const { db } = deps.dbh;
  const config = siteConfig();
  const site = siteAccess(projects);
  const repo = siteRepository(db);
  const people = peopleService(deps, site, incidents);
  const devices = devicesService(deps, site, incidents, config);
  const media = mediaService(deps, site, confirmations);

  const portsWithDue = async (projectId: string) => {
    const ports = await repo.ports(projectId);
    const overdue = new Set(
      overdueSealTests(
        ports.map((p) => ({ ...p, lastTestedAt: p.lastTestedAt ? new Date(p.lastTestedAt) : null })),
        new Date(),
        config.sealTestIntervalDays,
      ).map((p) => p.id),
    );
    return ports.map((p) => {
      const from = p.lastTestedAt ? new Date(p.lastTestedAt) : p.registeredAt;
      return {
        ...p,
        dueAt:
          p.state === "sealed" ? new Date(from.getTime() + config.sealTestIntervalDays * 86_400_000) : null,
        overdue: overdue.has(p.id),
      };
    });
  };

  const coverage = async (projectId: string) => {
    const [stations, cameras] = await Promise.all([repo.workstations(projectId), repo.cameras(projectId)]);
    return { cameras, gaps: cameraCoverageGaps(stations, cameras, config.cameraRetentionDays) };
  };

  const handoverOpenPoints = async (projectId: string) => {
    const [m, h] = await Promise.all([repo.media(projectId), repo.handovers(projectId)]);
    return mediaHandoverOpenPoints(
      m,
      h.map((x) => ({ ...x, noCopyConfirmed: !!x.noCopyConfirmed })),
    );
  };

  const dispositionsOpen = async (projectId: string) => {
    const { items } = await repo.devices(projectId, {}, 10_000, 0);
    return openDispositions(items);
  };

  return {
    ...people,
    ...devices,
    ...media,
    config,

    /** Z-7.2: whether the platform user holds a fixed post at the workstation (for station handovers). */
    isAssigned: (projectId: string, userIdValue: string, workstationId: string) =>
      isAssigned(db, projectId, userIdValue, workstationId),

    async dashboard(actor: Actor, projectId: string) {
      const s = await site.load(actor, projectId);
      const [cov, onSite, exits, ports, incidentsOpen, points, dispositions] = await Promise.all([
        coverage(projectId),
        repo.onSite(projectId),
        repo.deviceExits(projectId, ["requested", "approved", "out"]),
        portsWithDue(projectId),
        repo.openIncidents(projectId),
        handoverOpenPoints(projectId),
        dispositionsOpen(projectId),
      ]);
      return {
        project: {
          id: s.project.id,
          code: s.project.code,
          name: s.project.name,
          status: s.project.status,
          clientName: s.project.clientName,
          agencyName: s.project.agencyName,
          siteAddress: s.project.siteAddress,
        },
        permissions: s.can,
        config,
        coverageGaps: cov.gaps,
        cameraCount: cov.cameras.filter((c) => c.status === "active").length,
        onSite,
        deviceExits: exits,
        overdueSealTests: ports.filter((p) => p.overdue),
        openIncidents: incidentsOpen,
        handoverOpenPoints: points,
        openDispositions: dispositions.map((d) => ({
          id: d.id,
          name: d.name,
          serial: d.serial,
          owner: d.owner,
          storesData: d.storesData,
        })),
      };
    },

    async cameras(actor: Actor, projectId: string) {
      await site.load(actor, projectId);
      return coverage(projectId);
    },

    async devices(
      actor: Actor,
      projectId: string,
      f: { q?: string | undefined; owner?: string | undefined },
      page: number,
      pageSize: number,
    ) {
      await site.load(actor, projectId);
      const { items, total } = await repo.devices(projectId, f, pageSize, (page - 1) * pageSize);
      return { items, total, page, pageSize };
    },

    async deviceExits(actor: Actor, projectId: string, status?: string) {
      await site.load(actor, projectId);
      return repo.deviceExits(projectId, status ? [status] : undefined);
    },

    async ports(actor: Actor, projectId: string) {
      await site.load(actor, projectId);
      const [ports, tests] = await Promise.all([portsWithDue(projectId), repo.sealTests(projectId)]);
      return { ports, tests, intervalDays: config.sealTestIntervalDays, unverified: true };
    },

    async media(actor: Actor, projectId: string) {
      await site.load(actor, projectId);
      const [m, copies, handovers] = await Promise.all([
        repo.media(projectId),
        repo.copies(projectId),
        repo.handovers(projectId),
      ]);
      return { media: m, copies, handovers };
    },

    /** Z-7.7: the open points of the media handover; none means complete. For the final acceptance. */
    async mediaHandoverComplete(projectId: string) {
      const openPoints = await handoverOpenPoints(projectId);
      return { complete: openPoints.length === 0, openPoints };
    },

    async handoverStatus(actor: Actor, projectId: string) {
      await site.load(actor, projectId);
      const [h, d] = await Promise.all([handoverOpenPoints(projectId), dispositionsOpen(projectId)]);
      return {
        complete: h.length === 0,
        openPoints: h,
        openDispositions: d.map((x) => ({
          id: x.id,
          name: x.name,
          serial: x.serial,
          owner: x.owner,
          storesData: x.storesData,
        })),
      };
    },

    /** Z-8.3: devices whose disposition at close is still open. */
    async openDispositions(projectId: string) {
      return dispositionsOpen(projectId);
    },

    /** Home counts over the projects the caller may read: overdue seal tests, devices out, take-outs awaiting the client. */
    async summary(actor: Actor) {
      const projectIds = (
        await db
          .selectFrom("project as p")
          .innerJoin("organisation as c", "c.id", "p.clientOrgId")
          .innerJoin("organisation as a", "a.id", "p.agencyOrgId")
          .select("p.id")
          .where("p.serviceType", "=", "digitization")
          .where(visibleProjects(readScope(actor)))
          .execute()
      ).map((r) => r.id);
      let overdue = 0;
      let devicesOut = 0;
      let awaitingApproval = 0;
      for (const id of projectIds) {
        const [ports, exits] = await Promise.all([
          portsWithDue(id),
          repo.deviceExits(id, ["requested", "out"]),
        ]);
        overdue += ports.filter((p) => p.overdue).length;
        devicesOut += exits.filter((x) => x.status === "out").length;
        awaitingApproval += exits.filter((x) => x.status === "requested").length;
      }
      return { projects: projectIds.length, overdueSealTests: overdue, devicesOut, awaitingApproval };
    },
  };
}
export type DigitizationSiteService = ReturnType<typeof digitizationSiteService>;
