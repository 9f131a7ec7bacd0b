// The victim project's filing (G-7): its national-scope deposit, filed with the
// city (no district bureau supervises Chongming in the demo world), returned
// once and answered, so its rounds carry text a foreigner must never see.
import { systemActor } from "@dangan/domain";
import type { Services } from "../src/services.ts";

export interface VictimRegistry {
  filingId: string;
  /** Strings that must never reach a foreigner. */
  markers: string[];
}

export async function victimRegistry(s: Services, projectId: string): Promise<VictimRegistry> {
  const op = systemActor("test victim world");
  const { id } = await s.filings.file(op, projectId);
  await s.filings.transition(op, id, "return", "请补充QUESTION-GRUE");
  await s.filings.transition(op, id, "resubmit", "ANSWER-GRUE");
  return { filingId: id, markers: [id, "QUESTION-GRUE", "ANSWER-GRUE"] };
}
