// The client's overview. The API has no cross-project ledger or contract list,
// so open problems and unsigned contracts are gathered per project (the first
// 50 projects; see the report for the endpoint that would replace this).
import { projectsApi } from "../../api/endpoints.ts";
import type { LedgerEntry, Project } from "../../api/types.ts";

const SCAN_LIMIT = 50;

export async function loadClientOverview() {
  const projects = await projectsApi.list({ pageSize: 100 });
  const scanned = projects.items.slice(0, SCAN_LIMIT);
  const [problems, unsigned] = await Promise.all([
    Promise.all(
      scanned
        .filter((p) => p.status !== "cancelled")
        .map(async (p) => {
          const r = await projectsApi.ledger(p.id, { kind: "problem", status: "open" });
          return r.items.map((e) => ({ ...e, project: p }));
        }),
    ),
    Promise.all(
      scanned
        .filter((p) => p.status === "draft")
        .map(async (p) => ((await projectsApi.get(p.id)).contractStatus === "signed" ? null : p)),
    ),
  ]);
  return {
    projects,
    openProblems: problems.flat() as (LedgerEntry & { project: Project })[],
    unsigned: unsigned.filter((p): p is Project => p !== null),
  };
}
