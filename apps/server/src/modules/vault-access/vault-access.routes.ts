// The vault entry log (D-9.9, D-9.10): entries per vault (filters, pages, Excel),
// people still inside, recording an entry and the group's exit.
import { vaultEntrySchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/xlsx.ts";
import type { Services } from "../../services.ts";
import type { PersonOut } from "./vault-access.repository.ts";

const id = z.object({ id: z.uuid() });
const tags = ["vault-access"];
const filter = {
  status: z.enum(["inside", "exited"]).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(50).optional(),
};

const names = (people: PersonOut[], kind: PersonOut["kind"]) =>
  people
    .filter((p) => p.kind === kind)
    .map((p) => (kind === "visitor" ? `${p.name}（${p.organisation}，${p.idNumber}，${p.purpose}）` : p.name))
    .join("；");

export const vaultAccessRoutes =
  ({ vaultAccess }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/vault-access/vaults/:id/entries",
      {
        schema: {
          tags,
          summary: "A vault's entry log (D-9.9, D-9.10); ID numbers masked",
          params: id,
          querystring: z.object({ ...filter, ...pageQuery }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return vaultAccess.list(actorOf(request), request.params.id, f, page, pageSize);
      },
    );

    app.get(
      "/api/vault-access/vaults/:id/entries/export.xlsx",
      {
        schema: {
          tags,
          summary: "Export a vault's filtered entry log to Excel",
          params: id,
          querystring: z.object(filter),
        },
      },
      async (request, reply) => {
        const { items } = await vaultAccess.rows(
          actorOf(request),
          request.params.id,
          request.query,
          EXPORT_LIMIT,
        );
        return sendXlsx(
          reply,
          `库房进出登记 ${items[0]?.vaultCode ?? ""}`.trim(),
          [
            { header: "库房 Vault", value: (e) => `${e.vaultCode} ${e.vaultName}` },
            { header: "进入时间 Entered", width: 20, value: (e) => e.enteredAt },
            { header: "出库时间 Exited", width: 20, value: (e) => e.exitedAt },
            { header: "事由 Purpose", width: 30, value: (e) => e.purpose },
            { header: "工作人员 Staff", width: 24, value: (e) => names(e.people, "staff") },
            { header: "其他人员 Visitors", width: 50, value: (e) => names(e.people, "visitor") },
            { header: "批准领导 Approved by", value: (e) => e.approvedByName },
            { header: "登记人 Recorded by", value: (e) => e.recordedByName },
          ],
          items,
        );
      },
    );

    app.get(
      "/api/vault-access/inside",
      {
        schema: {
          tags,
          summary: "People still inside: open entries of the vaults I may see",
          querystring: z.object({ vaultId: z.uuid().optional() }),
        },
      },
      async (request) => ({ items: await vaultAccess.inside(actorOf(request), request.query.vaultId) }),
    );

    app.get(
      "/api/vault-access/vaults/:id/people",
      { schema: { tags, summary: "Staff and leaders who can be named on an entry", params: id } },
      async (request) => vaultAccess.people(actorOf(request), request.params.id),
    );

    app.post(
      "/api/vault-access/vaults/:id/entries",
      {
        schema: {
          tags,
          summary: "Record an entry: two or more staff together; visitors with a leader's approval",
          params: id,
          body: vaultEntrySchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await vaultAccess.record(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/vault-access/entries/:id/exit",
      {
        schema: {
          tags,
          summary: "Record the group's exit",
          params: id,
          body: z
            .object({
              exitedAt: z.iso.datetime({ offset: true }).optional(),
              note: z.string().trim().max(500).optional(),
            })
            .strict(),
        },
      },
      async (request) => vaultAccess.exit(actorOf(request), request.params.id, request.body),
    );
  };
