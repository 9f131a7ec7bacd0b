// The victim's handover catalogue (D-8.2, D-8.3): one import, one catalogue,
// both foreign to every demo user.
import { Readable } from "node:stream";
import type { UserActor } from "@dangan/domain";
import type { Services } from "../src/services.ts";

export interface VictimCatalogue {
  catalogueId: string;
  importId: string;
}

export const CATALOGUE_MARKERS = ["GRUEBLEEN", "ZORKMID", "C999-WS·2011-Y-0001"];

export async function victimCatalogue(
  s: Services,
  actor: UserActor,
  projectId: string,
): Promise<VictimCatalogue> {
  const csv = "档号,题名,件数\r\nC999-WS·2011-Y-0001,隔离条目ZORKMID,1\r\n";
  const job = await s.catalogueImports.start(
    actor,
    projectId,
    { title: "隔离目录GRUEBLEEN" },
    {
      filename: "victim.csv",
      stream: Readable.from([Buffer.from(csv)]),
    },
  );
  await s.catalogueImports.idle();
  const done = await s.catalogueImports.job(actor, job.id);
  if (!done.catalogueId)
    throw new Error(`victim catalogue import ${done.status}: ${JSON.stringify(done.error)}`);
  return { catalogueId: done.catalogueId, importId: job.id };
}
