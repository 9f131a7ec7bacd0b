// Batches, temporary storage, the workstation board and station handovers of a
// digitization project (Z-6.5, Z-7.2).
import { batchCreateSchema, batchVolumesSchema, stationHandoverSchema, storageSchema } from "@dangan/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../http/auth-hook.ts";
import type { Services } from "../../services.ts";

const id = z.object({ id: z.uuid() });
const tags = ["digitization-originals"];

export const digitizationChainRoutes =
  ({ digitizationOriginals: { chain } }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/digitization/projects/:id/batches",
      { schema: { tags, summary: "Batches of cleared volumes (Z-6.5, Z-7.2)", params: id } },
      async (req) => chain.batches(actorOf(req), req.params.id),
    );
    app.post(
      "/api/digitization/projects/:id/batches",
      {
        schema: {
          tags,
          summary: "Create a batch, optionally with cleared volumes (Z-6.1)",
          params: id,
          body: batchCreateSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await chain.createBatch(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      "/api/digitization/batches/:id",
      { schema: { tags, summary: "A batch: volumes, temporary storage, station handovers", params: id } },
      async (req) => chain.batch(actorOf(req), req.params.id),
    );
    app.post(
      "/api/digitization/batches/:id/volumes",
      {
        schema: {
          tags,
          summary: "Add cleared volumes to a batch (Z-6.1)",
          params: id,
          body: batchVolumesSchema,
        },
      },
      async (req) => chain.addVolumes(actorOf(req), req.params.id, req.body.volumeIds),
    );
    app.post(
      "/api/digitization/batches/:id/storage",
      {
        schema: {
          tags,
          summary: "Fix the batch's temporary storage room, cabinet and custodian (Z-6.5)",
          params: id,
          body: storageSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await chain.fixStorage(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      "/api/digitization/batches/:id/start",
      { schema: { tags, summary: "Start work on a batch (Z-6.5)", params: id } },
      async (req) => chain.startBatch(actorOf(req), req.params.id),
    );
    app.post(
      "/api/digitization/batches/:id/station-handovers",
      {
        schema: {
          tags,
          summary: "Record a handover between workstations: the one way volumes move (Z-7.2)",
          params: id,
          body: stationHandoverSchema,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await chain.recordStationHandover(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      "/api/digitization/projects/:id/board",
      {
        schema: {
          tags,
          summary: "The workstation board: volumes at each workstation, stopped ones marked (Z-7.2, Z-7.3)",
          params: id,
        },
      },
      async (req) => chain.board(actorOf(req), req.params.id),
    );
    app.get(
      "/api/digitization/projects/:id/station-handovers",
      {
        schema: {
          tags,
          summary: "Station handovers of a project (Z-7.2)",
          params: id,
          querystring: z.object({ batchId: z.uuid().optional(), volumeId: z.uuid().optional() }),
        },
      },
      async (req) => chain.stationHandovers(actorOf(req), req.params.id, req.query),
    );
  };
