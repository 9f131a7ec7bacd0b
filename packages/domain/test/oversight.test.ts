import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  applyTransition,
  buildChecklist,
  drawSample,
  isRectificationOverdue,
  nextActions,
  oversightPolicy,
  parseClauses,
  prefillChecklist,
  rectificationWorkflow,
  type SampleCandidate,
  seededRandom,
  type UserActor,
} from "../src/index.ts";

const clauses = parseClauses(readFileSync(new URL("../../../spec/clauses.tsv", import.meta.url), "utf8"));

function population(n: number): SampleCandidate[] {
  const types = ["custody", "digitization", "arrangement"];
  const districts = ["pudong", "xuhui", "jiading", "minhang"];
  return Array.from({ length: n }, (_, i) => ({
    id: `p-${String(i).padStart(4, "0")}`,
    serviceType: types[i % 3]!,
    district: districts[i % 4]!,
    national: i % 10 === 0,
  }));
}

describe("oversight checklists", () => {
  it("[G-2] makes every on-site clause of the service type's annex an item", () => {
    const custody = buildChecklist(clauses, "custody").map((x) => x.clause);
    const checks = clauses.filter((c) => c.module === "custody" && c.kind === "check").map((c) => c.id);
    expect(custody).toEqual(expect.arrayContaining(checks));
    expect(custody).toContain("D-9.4"); // monitor
    expect(custody).toContain("D-9.8"); // system-known workflow
    expect(custody.some((c) => c.startsWith("Z-"))).toBe(false);
    expect(buildChecklist(clauses, "system_building").every((x) => x.clause.startsWith("G-"))).toBe(true);
  });

  it("[G-7][D-9.8] fails an item on any failing fact and links every fact as evidence", () => {
    const [fail, pass, none, incident] = prefillChecklist(["D-9.8", "D-5.5", "D-9.5", "D-9.6"], {
      vaults: [
        {
          id: "v1",
          code: "A1",
          findings: [{ clause: "D-5.5", ok: true, label: { zh: "净高", en: "height" } }],
        },
      ],
      openAlerts: [],
      inventory: [
        { vaultId: "v1", vaultCode: "A1", completed: 2 },
        { vaultId: "v2", vaultCode: "A2", completed: 1 },
      ],
      openIncidents: [{ id: "i1", title: "渗水", clauseId: "D-9.6" }],
      overdueEquipment: [],
    });
    expect(fail).toMatchObject({ result: "fail" });
    expect(fail!.evidence.map((e) => [e.id, e.ok])).toEqual([
      ["v1", true],
      ["v2", false],
    ]);
    expect(pass).toMatchObject({ result: "pass" });
    expect(none).toMatchObject({ result: "unanswered", evidence: [] });
    expect(incident).toMatchObject({ result: "fail", evidence: [{ type: "incident", id: "i1" }] });
  });

  it("[G-7][Z-5.8][Z-5.5] fails the seal-test and camera items of a digitization site from its data", () => {
    const [seal, cameras] = prefillChecklist(["Z-5.8", "Z-5.5"], {
      vaults: [],
      openAlerts: [],
      inventory: [],
      openIncidents: [],
      overdueEquipment: [],
      overdueSealTests: [{ id: "p1", label: "扫描工作站 · usb", dueAt: "2026-11-01T00:00:00.000Z" }],
      coverageGaps: [{ zh: "工位 W-SC 无监控覆盖", en: "Workstation W-SC not covered by a camera" }],
    });
    expect(seal).toMatchObject({
      result: "fail",
      evidence: [{ type: "digitization_port", id: "p1", ok: false }],
    });
    expect(seal!.evidence[0]!.label.zh).toContain("2026-11-01");
    expect(cameras).toMatchObject({ result: "fail", evidence: [{ type: "digitization_camera", ok: false }] });
  });
});

describe("yearly spot-check sampling", () => {
  const opts = { rate: 0.2, seed: "2026-city", nationalMode: "weighted" as const, nationalWeight: 1 };

  it("[G-7] reproduces the same sample from the same seed, whatever the population's order", () => {
    const pop = population(200);
    const a = drawSample(pop, opts).map((x) => x.id);
    const b = drawSample([...pop].reverse(), opts).map((x) => x.id);
    expect(a).toEqual(b);
    expect(drawSample(pop, { ...opts, seed: "other" }).map((x) => x.id)).not.toEqual(a);
    expect(seededRandom("x")()).toBe(seededRandom("x")());
  });

  it("[G-7] stratifies by service type and district at the regulator's rate", () => {
    const pop = population(240); // 12 strata of 20
    const sample = drawSample(pop, opts);
    expect(sample).toHaveLength(48);
    const per = new Map<string, number>();
    for (const s of sample) per.set(s.stratum, (per.get(s.stratum) ?? 0) + 1);
    expect([...per.values()]).toEqual(Array(12).fill(4));
  });

  it("[G-7] always includes national-scope projects when the regulator says so", () => {
    const pop = population(100);
    const sample = drawSample(pop, { ...opts, nationalMode: "always" });
    const national = pop.filter((p) => p.national).map((p) => p.id);
    expect(sample.filter((s) => s.reason === "national").map((s) => s.id)).toEqual(national);
    expect(sample.filter((s) => s.reason === "drawn")).toHaveLength(Math.round(90 * 0.2));
  });

  it("[G-7] draws national-scope projects more often when weighted", () => {
    const pop = population(300);
    let plain = 0;
    let weighted = 0;
    for (let k = 0; k < 40; k++) {
      const count = (w: number) =>
        drawSample(pop, { ...opts, seed: `s${k}`, nationalWeight: w }).filter((s) => s.id.endsWith("0"))
          .length;
      plain += count(1);
      weighted += count(8);
    }
    expect(weighted).toBeGreaterThan(plain * 1.5);
  });

  it("[G-7] refuses a rate outside (0, 1]", () => {
    expect(() => drawSample(population(5), { ...opts, rate: 0 })).toThrow(/SAMPLING_RATE_INVALID/);
  });
});

describe("rectification orders", () => {
  it("[G-7] needs evidence to respond and a reason to reject; accepted is final", () => {
    expect(() =>
      applyTransition(rectificationWorkflow, "open", "respond", { response: "done", evidenceCount: 0 }),
    ).toThrow(/RECTIFICATION_EVIDENCE_REQUIRED/);
    expect(
      applyTransition(rectificationWorkflow, "open", "respond", { response: "done", evidenceCount: 1 }),
    ).toBe("responded");
    expect(() => applyTransition(rectificationWorkflow, "responded", "reject", { evidenceCount: 1 })).toThrow(
      /REJECTION_REASON_REQUIRED/,
    );
    expect(
      applyTransition(rectificationWorkflow, "rejected", "respond", { response: "again", evidenceCount: 1 }),
    ).toBe("responded");
    expect(nextActions(rectificationWorkflow, "accepted", { evidenceCount: 1 })).toEqual([]);
  });

  it("[G-7] is overdue past its deadline until accepted", () => {
    expect(isRectificationOverdue({ status: "open", deadline: "2026-03-01" }, "2026-03-02")).toBe(true);
    expect(isRectificationOverdue({ status: "open", deadline: "2026-03-02" }, "2026-03-02")).toBe(false);
    expect(isRectificationOverdue({ status: "accepted", deadline: "2026-03-01" }, "2026-04-01")).toBe(false);
  });

  it("[G-4] lets only the addressed party respond and only a supervising regulator regulate", () => {
    const p = { clientOrgId: "c", agencyOrgId: "a", clientDistrict: "pudong", agencyDistrict: "jiading" };
    const user = (
      orgId: string,
      orgKind: "agency" | "client" | "regulator",
      roles: UserActor["roles"],
      districts: string[] = [],
    ) =>
      ({
        type: "user",
        userId: "u",
        orgId,
        orgKind,
        roles,
        regulatorLevel: orgKind === "regulator" ? "district" : null,
        supervisedDistricts: districts,
      }) as UserActor;
    const manager = user("a", "agency", ["agency_manager"]);
    const officer = user("c", "client", ["client_archive_officer"]);
    expect(oversightPolicy.respond(manager, { ...p, addressee: "agency" })).toBe(true);
    expect(oversightPolicy.respond(officer, { ...p, addressee: "agency" })).toBe(false);
    expect(oversightPolicy.respond(officer, { ...p, addressee: "client" })).toBe(true);
    expect(oversightPolicy.regulate(user("r", "regulator", ["regulator_inspector"], ["pudong"]), p)).toBe(
      true,
    );
    expect(oversightPolicy.regulate(user("r", "regulator", ["regulator_inspector"], ["xuhui"]), p)).toBe(
      false,
    );
    expect(oversightPolicy.regulate(manager, p)).toBe(false);
  });
});
