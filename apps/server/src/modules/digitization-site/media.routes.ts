// Media and copies (Z-7.5, Z-7.6), the handover with its manifest and the
// client's verification, the agency's no-copy confirmation (Z-7.7); the site
// dashboard, close-out status (Z-7.7, Z-8.3) and home counts.
import { COPY_ACTIONS, MEDIA_KINDS, MEDIA_PURPOSES } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import type { Services } from "../../services.ts";
import { BASE, id, optText, tags, text } from "./routes-common.ts";

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/);

export const mediaRoutes =
  ({ digitizationSite: s }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      `${BASE}/summary`,
      {
        schema: {
          tags,
          summary: "Home counts: overdue seal tests (Z-5.8), devices out and awaiting approval (Z-5.7)",
        },
      },
      async (req) => s.summary(actorOf(req)),
    );
    app.get(
      `${BASE}/projects/:id/dashboard`,
      {
        schema: {
          tags,
          summary:
            "Site dashboard: coverage gaps, people on site, devices out, overdue seal tests, open incidents",
          params: id,
        },
      },
      async (req) => s.dashboard(actorOf(req), req.params.id),
    );
    app.get(
      `${BASE}/projects/:id/handover-status`,
      {
        schema: {
          tags,
          summary: "Open points of the media handover (Z-7.7) and of device disposition (Z-8.3)",
          params: id,
        },
      },
      async (req) => s.handoverStatus(actorOf(req), req.params.id),
    );

    app.get(
      `${BASE}/projects/:id/media`,
      {
        schema: {
          tags,
          summary: "Media register, copy events and handovers (Z-7.5, Z-7.6, Z-7.7)",
          params: id,
        },
      },
      async (req) => s.media(actorOf(req), req.params.id),
    );
    app.post(
      `${BASE}/projects/:id/media`,
      {
        schema: {
          tags,
          summary: "Register a storage medium (Z-7.6)",
          params: id,
          body: z
            .object({
              label: text(60),
              kind: z.enum(MEDIA_KINDS),
              capacityGb: z.number().int().min(1).max(10_000_000),
              purpose: z.enum(MEDIA_PURPOSES),
              custodianPersonId: z.uuid().optional(),
            })
            .strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.registerMedia(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/projects/:id/copies`,
      {
        schema: {
          tags,
          summary: "Record a store, download or copy of results: designated device and person only (Z-7.5)",
          params: id,
          body: z
            .object({
              deviceId: z.uuid(),
              personId: z.uuid(),
              mediaId: z.uuid().optional(),
              action: z.enum(COPY_ACTIONS),
              description: text(500),
              fileCount: z.number().int().min(0).optional(),
            })
            .strict(),
        },
      },
      async (req, reply) => reply.status(201).send(await s.recordCopy(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      `${BASE}/projects/:id/handovers`,
      {
        schema: {
          tags,
          summary: "Hand results and backup media to the client with the manifest (Z-7.7)",
          params: id,
          body: z
            .object({
              mediaIds: z.array(z.uuid()).min(1).max(500),
              receivedByName: text(50),
              note: optText(1000),
              files: z
                .array(
                  z.object({
                    path: text(1000),
                    sizeBytes: z.number().int().min(0),
                    sm3: hex64,
                    sha256: hex64,
                  }),
                )
                .max(200_000)
                .optional(),
              manifest: z.string().max(50_000_000).optional(),
            })
            .strict(),
        },
      },
      async (req, reply) => reply.status(201).send(await s.handOver(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      `${BASE}/handovers/:id`,
      {
        schema: {
          tags,
          summary: "A media handover: files, verifications, confirmations (Z-7.7)",
          params: id,
        },
      },
      async (req) => s.handover(actorOf(req), req.params.id),
    );
    app.get(
      `${BASE}/handovers/:id/manifest.csv`,
      {
        schema: {
          tags,
          summary: "The recorded manifest as CSV: path, size, SM3, SHA-256 (Z-7.7)",
          params: id,
        },
      },
      async (req, reply) =>
        reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="manifest-${req.params.id}.csv"`)
          .send(await s.manifestCsv(actorOf(req), req.params.id)),
    );
    app.post(
      `${BASE}/handovers/:id/verify`,
      {
        schema: {
          tags,
          summary: "The client verifies what it received: an uploaded manifest (csv or json) (Z-7.7)",
          params: id,
          body: z.object({ manifest: z.string().min(1).max(50_000_000) }).strict(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await s.verifyUpload(actorOf(req), req.params.id, req.body.manifest)),
    );
    app.post(
      `${BASE}/handovers/:id/no-copy`,
      {
        schema: {
          tags,
          summary: "The agency's manager signs that the agency keeps no copy of the results (Z-7.7)",
          params: id,
        },
      },
      async (req, reply) => reply.status(201).send(await s.confirmNoCopy(actorOf(req), req.params.id)),
    );
  };
