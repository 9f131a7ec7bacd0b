// Handover catalogues (D-8.2, D-8.3): list and read them, browse their rows,
// confirm them (both parties over the same digest → confirmed and frozen),
// withdraw a draft, export and print. Imports are in catalogue-imports.service.
import { inTransaction } from "@dangan/db";
import {
  type Actor,
  assertCatalogueDraft,
  assertDigestMatches,
  authorize,
  bothPartiesConfirmed,
  cataloguePermissions,
  cataloguePolicy,
  DomainError,
  forbidden,
  notFound,
  projectRelation,
} from "@dangan/domain";
import type { Deps } from "../../context.ts";
import { auditActor } from "../../lib/audit-actor.ts";
import { pageOf } from "../../lib/page.ts";
import type { ConfirmationsService } from "../confirmations/confirmations.service.ts";
import { partiesOf } from "../projects/projects.repository.ts";
import type { ProjectsService } from "../projects/projects.service.ts";
import { renderCataloguePdf } from "./catalogue-pdf.ts";
import type { CataloguesRepository, ItemFilter } from "./catalogues.repository.ts";
import { withdrawIn } from "./withdraw.ts";

const alreadyConfirmed = () =>
  new DomainError({
    code: "ALREADY_CONFIRMED",
    status: 409,
    clause: "D-8.2",
    message: {
      zh: "本单位已确认过该目录，等待对方确认",
      en: "Your organisation has already confirmed this catalogue; waiting for the other party",
    },
  });

export function cataloguesService(
  { dbh: { db } }: Deps,
  projects: ProjectsService,
  confirmations: ConfirmationsService,
  repo: CataloguesRepository,
) {
  /** The catalogue and its project, or NOT_FOUND when the project is not visible. */
  async function readable(actor: Actor, id: string) {
    const c = await repo.find(id);
    const p = c ? await projects.repo.find(c.projectId) : undefined;
    if (!c || !p || !cataloguePolicy.read(actor, partiesOf(p))) throw notFound("handover_catalogue", id);
    return { c, p };
  }

  /** Rows, exports and the PDF are the parties' (403 for a supervisor who sees the header). */
  async function withItems(actor: Actor, id: string) {
    const r = await readable(actor, id);
    authorize(cataloguePolicy.readItems(actor, partiesOf(r.p)), "read the rows of this handover catalogue");
    return r;
  }

  return {
    repo,
    readable,
    withItems,

    /** D-8.2: one copy for each party; the copy defaults to the caller's side. */
    async pdf(actor: Actor, id: string, copy?: "client" | "agency") {
      const { c, p } = await withItems(actor, id);
      const side = copy ?? (projectRelation(actor, partiesOf(p)) === "agency" ? "agency" : "client");
      const given = await confirmations.list(actor, "handover_catalogue", id);
      const doc = renderCataloguePdf(
        {
          title: c.title,
          projectName: p.name,
          projectCode: p.code,
          clientName: p.clientName,
          agencyName: p.agencyName,
          level: c.level,
          status: c.status,
          rowCount: c.rowCount,
          quantityTotal: c.quantityTotal,
          pagesTotal: c.pagesTotal,
          digest: c.digest,
          createdAt: c.createdAt,
          copy: side,
        },
        repo.itemBatches(id),
        given
          .filter((g) => g.orgId === c.clientOrgId || g.orgId === c.agencyOrgId)
          .map((g) => ({
            party: g.orgId === c.clientOrgId ? ("client" as const) : ("agency" as const),
            orgName: g.orgName,
            signerName: g.signerName,
            signedAt: g.signedAt,
            documentDigest: g.documentDigest,
            valid: g.valid,
          })),
      );
      return { doc, filename: `${c.title}-交接目录清册-${side === "client" ? "委托方" : "受托方"}存执.pdf` };
    },

    async list(actor: Actor, projectId: string, status: string | undefined, page: number, pageSize: number) {
      const p = await projects.readable(actor, projectId);
      const { items, total } = await repo.list(projectId, status, pageSize, (page - 1) * pageSize);
      const parties = partiesOf(p);
      return {
        ...pageOf(
          items.map((c) => ({ ...c, permissions: cataloguePermissions(actor, parties, c.status) })),
          total,
          page,
          pageSize,
        ),
        mayImport: cataloguePolicy.import(actor, parties) && p.serviceType === "custody",
      };
    },

    async get(actor: Actor, id: string) {
      const { c, p } = await readable(actor, id);
      return {
        ...c,
        projectCode: p.code,
        projectName: p.name,
        clientName: p.clientName,
        agencyName: p.agencyName,
        confirmations: await confirmations.list(actor, "handover_catalogue", id),
        permissions: cataloguePermissions(actor, partiesOf(p), c.status),
      };
    },

    async items(actor: Actor, id: string, f: ItemFilter, page: number, pageSize: number) {
      await withItems(actor, id);
      const { items, total } = await repo.items(id, f, pageSize, (page - 1) * pageSize);
      return pageOf(items, total, page, pageSize);
    },

    /** D-8.2: a responsible person confirms the digest they saw; the second party's confirmation freezes it. */
    async confirm(actor: Actor, id: string, digest: string) {
      if (actor.type !== "user") throw forbidden("confirm a catalogue without a person");
      const { p } = await readable(actor, id);
      authorize(cataloguePolicy.confirm(actor, partiesOf(p)), "confirm this handover catalogue");
      return inTransaction(db, auditActor(actor), async (trx, audit) => {
        const c = await trx
          .selectFrom("handoverCatalogue")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        assertCatalogueDraft(c.status);
        assertDigestMatches(c.digest, digest);
        const given = await trx
          .selectFrom("confirmation")
          .select(["orgId", "documentDigest"])
          .where("entityType", "=", "handover_catalogue")
          .where("entityId", "=", id)
          .execute();
        const mine = given.some((g) => g.orgId === actor.orgId && g.documentDigest === digest);
        let signed = null;
        if (!mine) {
          signed = await confirmations.signIn(trx, actor, {
            entityType: "handover_catalogue",
            entityId: id,
            documentKind: "handover_catalogue",
            documentDigest: digest,
          });
          given.push(signed);
          audit.record({
            action: "confirmation.signed",
            entityType: "handover_catalogue",
            entityId: id,
            payload: {
              confirmationId: signed.id,
              documentKind: "handover_catalogue",
              documentDigest: digest,
              orgId: actor.orgId,
            },
            scopeOrgIds: [c.clientOrgId, c.agencyOrgId],
          });
        }
        const both = bothPartiesConfirmed(given, c, digest);
        // Confirmed elsewhere (POST /api/confirmations) by both: this call completes the change.
        if (mine && !both) throw alreadyConfirmed();
        if (both) {
          await trx
            .updateTable("handoverCatalogue")
            .set({ status: "confirmed", confirmedAt: new Date(), updatedAt: new Date() })
            .where("id", "=", id)
            .execute();
          audit.record({
            action: "catalogue.confirmed",
            entityType: "handover_catalogue",
            entityId: id,
            payload: { digest, rowCount: c.rowCount },
            scopeOrgIds: [c.clientOrgId, c.agencyOrgId],
          });
        }
        return { status: both ? ("confirmed" as const) : ("draft" as const), confirmation: signed };
      });
    },

    async withdraw(actor: Actor, id: string) {
      const { c, p } = await readable(actor, id);
      authorize(cataloguePolicy.import(actor, partiesOf(p)), "withdraw this handover catalogue");
      await inTransaction(db, auditActor(actor), (trx, audit) =>
        withdrawIn(trx, audit, actor, id, c.projectId, null),
      );
      return { status: "superseded" as const };
    },
  };
}

export type CataloguesService = ReturnType<typeof cataloguesService>;
