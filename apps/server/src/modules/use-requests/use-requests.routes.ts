// Use requests (D-10.1–D-10.7, D-10.9): submit, the queue, a request's detail,
// its workflow steps, retrieval from the vault and on-site reading.
import {
  admissionSchema,
  REQUEST_PRIORITIES,
  readingSessionSchema,
  USE_MODES,
  USE_REQUEST_ACTIONS,
  USE_REQUEST_STATES,
  useRequestSchema,
} from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import { pageQuery } from "../../lib/page.ts";
import type { Services } from "../../services.ts";

const id = z.object({ id: z.uuid() });
const tags = ["use-requests"];
/** Driven here; the return check and re-shelving belong to use-services (close checks D-11.2). */
const ACTIONS = USE_REQUEST_ACTIONS.filter((a) =>
  ["accept", "reject", "cancel", "finish_service", "start_service", "close"].includes(a),
) as [(typeof USE_REQUEST_ACTIONS)[number], ...(typeof USE_REQUEST_ACTIONS)[number][]];

export const requestFilter = {
  projectId: z.uuid().optional(),
  status: z.enum(USE_REQUEST_STATES).optional(),
  mode: z.enum(USE_MODES).optional(),
  priority: z.enum(REQUEST_PRIORITIES).optional(),
  grantId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  open: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
};

export const useRequestRoutes =
  ({ useRequests, reading, requestableItems }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/use-requests",
      {
        schema: {
          tags,
          summary: "Use requests I am a party to; the agency's queue ordered by due time",
          querystring: z.object({
            ...requestFilter,
            order: z.enum(["due", "recent"]).default("recent"),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { page, pageSize, order, ...f } = request.query;
        return useRequests.list(actorOf(request), f, page, pageSize, order);
      },
    );

    app.get(
      "/api/use-requests/items",
      {
        schema: {
          tags,
          summary: "Items one may request in a project (a grantee: only those its grant covers)",
          querystring: z.object({
            projectId: z.uuid(),
            grantId: z.uuid().optional(),
            q: z.string().trim().max(50).optional(),
            ids: z
              .string()
              .max(20_000)
              .transform((s) => s.split(",").filter(Boolean))
              .pipe(z.array(z.uuid()).max(500))
              .optional(),
            ...pageQuery,
          }),
        },
      },
      async (request) => {
        const { page, pageSize, ...f } = request.query;
        return requestableItems(actorOf(request), f, page, pageSize);
      },
    );

    app.post(
      "/api/use-requests",
      {
        schema: {
          tags,
          summary:
            "Submit a use request; anyone but the client needs a grant covering mode and items (D-10.2, D-10.5)",
          body: useRequestSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await useRequests.submit(actorOf(request), request.body)),
    );

    app.get(
      "/api/use-requests/:id",
      {
        schema: {
          tags,
          summary: "A request with items, steps, reading sessions and next actions",
          params: id,
        },
      },
      async (request) => useRequests.get(actorOf(request), request.params.id),
    );

    app.post(
      "/api/use-requests/:id/actions/:action",
      {
        schema: {
          tags,
          summary: "Accept, reject (with reason), cancel, start or finish the service, close once re-shelved",
          params: id.extend({ action: z.enum(ACTIONS) }),
          body: z
            .object({
              reason: z.string().trim().max(500).optional(),
              note: z.string().trim().max(500).optional(),
            })
            .strict()
            .default({}),
        },
      },
      async (request) =>
        useRequests.act(actorOf(request), request.params.id, request.params.action, request.body),
    );

    app.post(
      "/api/use-requests/:id/retrieve",
      { schema: { tags, summary: "Check the request's boxes out of the vault (D-9.11)", params: id } },
      async (request) => useRequests.retrieve(actorOf(request), request.params.id),
    );

    app.get(
      "/api/use-requests/:id/reading-rooms",
      { schema: { tags, summary: "The agency's reading rooms and their cameras (D-10.6)", params: id } },
      async (request) => reading.rooms(actorOf(request), request.params.id),
    );

    app.post(
      "/api/use-requests/:id/admission",
      {
        schema: {
          tags,
          summary:
            "Record the letter of introduction and the reader's checked ID, both attachments (D-10.3, D-10.9)",
          params: id,
          body: admissionSchema,
        },
      },
      async (request) => reading.admit(actorOf(request), request.params.id, request.body),
    );

    app.post(
      "/api/use-requests/:id/reading-sessions",
      {
        schema: {
          tags,
          summary: "Start a reading session in a covered reading room (D-10.6)",
          params: id,
          body: readingSessionSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await reading.start(actorOf(request), request.params.id, request.body)),
    );

    app.post(
      "/api/reading-sessions/:id/end",
      { schema: { tags, summary: "End a reading session", params: id } },
      async (request) => reading.end(actorOf(request), request.params.id),
    );
  };
