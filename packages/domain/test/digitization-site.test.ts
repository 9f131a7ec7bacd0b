import { describe, expect, it } from "vitest";
import type { UserActor } from "../src/access/actor.ts";
import {
  allowedDispositions,
  alreadyOnSiteRefusal,
  bannedItemRefusal,
  bannedItemsCarried,
  brokenSealIsIncident,
  type CameraFact,
  cameraCoverageGaps,
  cameraRefusal,
  compareManifest,
  copyRefusal,
  DEFAULT_CAMERA_RETENTION_DAYS,
  DEFAULT_SEAL_TEST_INTERVAL_DAYS,
  deviceExitOpenRefusal,
  deviceExitStep,
  digitizationSitePolicy,
  dispositionRefusal,
  entryRefusal,
  isAssignedTo,
  manifestDigest,
  mediaHandoverOpenPoints,
  mediaStatusRefusal,
  noCopyStatement,
  openDispositions,
  overdueSealTests,
  parseManifest,
  portRefusal,
  siteProjectRefusal,
} from "../src/digitization/site/index.ts";
import { maskIdNumber } from "../src/users/masking.ts";

const H = (c: string) => c.repeat(64);
const parties = { clientOrgId: "c", agencyOrgId: "a", clientDistrict: "pudong", agencyDistrict: "xuhui" };
const user = (orgId: string, roles: UserActor["roles"], extra: Partial<UserActor> = {}): UserActor => ({
  type: "user",
  userId: "u",
  orgId,
  orgKind: orgId === "c" ? "client" : orgId === "r" ? "regulator" : "agency",
  roles,
  regulatorLevel: null,
  supervisedDistricts: [],
  ...extra,
});

describe("site policy and project", () => {
  it("[Z-5.5] lets the agency manager register, agency staff record, the client decide, regulators read", () => {
    const manager = user("a", ["agency_manager"]);
    const operator = user("a", ["agency_operator"]);
    const officer = user("c", ["client_archive_officer"]);
    const district = user("r", ["regulator_inspector"], {
      regulatorLevel: "district",
      supervisedDistricts: ["pudong"],
    });
    const stranger = user("x", ["agency_manager"]);
    const P = digitizationSitePolicy;
    expect([
      P.register(manager, parties),
      P.register(operator, parties),
      P.register(officer, parties),
    ]).toEqual([true, false, false]);
    expect([P.record(operator, parties), P.record(officer, parties)]).toEqual([true, false]);
    expect([P.clientDecide(officer, parties), P.clientDecide(manager, parties)]).toEqual([true, false]);
    expect([P.read(district, parties), P.read(stranger, parties)]).toEqual([true, false]);
    expect([P.confirmNoCopy(manager, parties), P.confirmNoCopy(operator, parties)]).toEqual([true, false]);
  });

  it("[Z-5.6] shows full ID numbers to the client and the agency manager only; others see it masked", () => {
    const P = digitizationSitePolicy;
    expect(P.seesIdNumbers(user("c", ["client_leader"]), parties)).toBe(true);
    expect(P.seesIdNumbers(user("a", ["agency_manager"]), parties)).toBe(true);
    expect(P.seesIdNumbers(user("a", ["agency_operator"]), parties)).toBe(false);
    expect(maskIdNumber("310115199002020022")).toBe("3101**********0022");
    expect(maskIdNumber("123")).toBe("****");
  });

  it("[Z-5.5] keeps site registers to digitization projects in draft or active", () => {
    expect(siteProjectRefusal({ serviceType: "digitization", status: "draft" })).toBeUndefined();
    expect(siteProjectRefusal({ serviceType: "digitization", status: "active" })).toBeUndefined();
    expect(siteProjectRefusal({ serviceType: "custody", status: "active" })?.code).toBe(
      "NOT_DIGITIZATION_PROJECT",
    );
    expect(siteProjectRefusal({ serviceType: "digitization", status: "completed" })?.code).toBe(
      "PROJECT_NOT_OPEN",
    );
  });
});

describe("workstations and cameras", () => {
  const stations = [
    { id: "w1", code: "W-1", name: "扫描" },
    { id: "w2", code: "W-2", name: "质检" },
  ];
  const cam = (over: Partial<CameraFact>): CameraFact => ({
    id: "c",
    label: "cam",
    workstationId: null,
    area: null,
    recordingsHeldBy: "client",
    retentionDays: 90,
    status: "active",
    ...over,
  });

  it("[Z-7.2] answers whether an active person linked to the user holds a post at the workstation", () => {
    const a = [{ workstationId: "w1", personUserId: "u1", personStatus: "active" as const }];
    expect(isAssignedTo(a, "u1", "w1")).toBe(true);
    expect(isAssignedTo(a, "u1", "w2")).toBe(false);
    expect(isAssignedTo([{ ...a[0]!, personStatus: "revoked" }], "u1", "w1")).toBe(false);
  });

  it("[Z-5.5] finds no gap when every workstation and the storage and entry areas are covered", () => {
    const cams = [
      cam({ workstationId: "w1" }),
      cam({ workstationId: "w2" }),
      cam({ area: "storage" }),
      cam({ area: "Entry" }),
    ];
    expect(cameraCoverageGaps(stations, cams)).toEqual([]);
  });

  it("[Z-5.5] lists uncovered workstations and areas, removed cameras not counting", () => {
    const gaps = cameraCoverageGaps(stations, [
      cam({ workstationId: "w1" }),
      cam({ workstationId: "w2", status: "removed" }),
    ]);
    expect(gaps).toEqual([
      { kind: "workstation", workstationId: "w2", code: "W-2", name: "质检" },
      { kind: "area", area: "storage" },
      { kind: "area", area: "entry" },
    ]);
  });

  it("[Z-5.5] flags recordings not with the client and retention below the configured days", () => {
    const gaps = cameraCoverageGaps(
      [],
      [
        cam({ area: "storage", recordingsHeldBy: "agency" }),
        cam({ id: "c2", label: "short", area: "entry", retentionDays: 10 }),
      ],
      30,
    );
    expect(gaps.map((g) => g.kind)).toEqual(["recordings_not_with_client", "retention_short"]);
    expect(DEFAULT_CAMERA_RETENTION_DAYS.unverified).toBe(true);
  });

  it("[Z-5.5] refuses a camera without a target or whose recordings the agency keeps", () => {
    expect(cameraRefusal({ recordingsHeldBy: "client" })?.code).toBe("CAMERA_TARGET_REQUIRED");
    expect(cameraRefusal({ area: "storage", recordingsHeldBy: "agency" })?.clause).toBe("Z-5.5");
    expect(cameraRefusal({ workstationId: "w1", recordingsHeldBy: "client" })).toBeUndefined();
  });
});

describe("people and entry", () => {
  it("[Z-5.6] admits only registered, active people with a badge", () => {
    expect(entryRefusal(undefined)?.code).toBe("PERSON_NOT_REGISTERED");
    expect(entryRefusal({ name: "A", status: "revoked", badgeNo: "1" })?.code).toBe("PERSON_REVOKED");
    expect(entryRefusal({ name: "A", status: "active", badgeNo: null })?.code).toBe("BADGE_REQUIRED");
    expect(entryRefusal({ name: "A", status: "active", badgeNo: "1" })).toBeUndefined();
    expect(alreadyOnSiteRefusal("A", true)?.code).toBe("ALREADY_ON_SITE");
    expect(alreadyOnSiteRefusal("A", false)).toBeUndefined();
  });

  it("[Z-7.1] refuses phones, cameras, recorders and removable media, declared or found", () => {
    const items = bannedItemsCarried(["phone"], ["removable_medium", "phone"]);
    expect(items).toEqual(["phone", "removable_medium"]);
    const r = bannedItemRefusal(items);
    expect(r?.clause).toBe("Z-7.1");
    expect(r?.details).toEqual({ items });
    expect(bannedItemRefusal([])).toBeUndefined();
  });
});

describe("devices", () => {
  it("[Z-5.7] lets a device out only after the client's approval, then back", () => {
    expect(deviceExitStep("requested", "approve")).toBe("approved");
    expect(deviceExitStep("approved", "exit")).toBe("out");
    expect(deviceExitStep("out", "return")).toBe("returned");
    expect(() => deviceExitStep("requested", "exit")).toThrow(
      expect.objectContaining({ code: "DEVICE_EXIT_NOT_APPROVED", clause: "Z-5.7" }),
    );
    expect(() => deviceExitStep("rejected", "exit")).toThrow(
      expect.objectContaining({ code: "DEVICE_EXIT_NOT_APPROVED" }),
    );
    expect(() => deviceExitStep("approved", "approve")).toThrow(
      expect.objectContaining({ code: "DEVICE_EXIT_STEP_INVALID" }),
    );
    expect(deviceExitOpenRefusal("out")?.code).toBe("DEVICE_EXIT_OPEN");
    expect(deviceExitOpenRefusal(undefined)).toBeUndefined();
  });

  it("[Z-8.3] keeps client devices with the client and sends agency data devices to the client", () => {
    expect(allowedDispositions({ owner: "client", storesData: false })).toEqual(["retained_by_client"]);
    expect(allowedDispositions({ owner: "agency", storesData: true })).toEqual(["handed_to_client"]);
    expect(allowedDispositions({ owner: "agency", storesData: false })).toContain("removed_by_agency");
    expect(
      dispositionRefusal({ owner: "client", storesData: true, name: "NAS" }, "handed_to_client")?.code,
    ).toBe("CLIENT_DEVICE_STAYS");
    expect(
      dispositionRefusal({ owner: "agency", storesData: true, name: "PC" }, "removed_by_agency")?.code,
    ).toBe("DATA_DEVICE_TO_CLIENT");
    expect(
      dispositionRefusal({ owner: "agency", storesData: false, name: "Scanner" }, "removed_by_agency"),
    ).toBeUndefined();
  });

  it("[Z-8.3] lists the devices whose disposition is still open", () => {
    const d = (id: string, disposition: "handed_to_client" | null) => ({
      id,
      name: id,
      serial: id,
      owner: "agency" as const,
      storesData: true,
      disposition,
    });
    expect(openDispositions([d("a", null), d("b", "handed_to_client")]).map((x) => x.id)).toEqual(["a"]);
  });
});

describe("ports and seal tests", () => {
  it("[Z-5.8] needs a post and a person at that post for a port the workflow needs", () => {
    expect(portRefusal({ state: "sealed" })).toBeUndefined();
    expect(portRefusal({ state: "needed", workstationId: "w" })?.code).toBe("PORT_NEEDS_POST");
    expect(
      portRefusal({ state: "needed", workstationId: "w", personId: "p", personAssignedThere: false })?.code,
    ).toBe("PORT_PERSON_NOT_AT_POST");
    expect(
      portRefusal({ state: "needed", workstationId: "w", personId: "p", personAssignedThere: true }),
    ).toBeUndefined();
  });

  it("[Z-5.8] lists sealed ports whose test is overdue, from the last test or from registration", () => {
    const now = new Date("2026-06-30T00:00:00Z");
    const day = 86_400_000;
    const ports = [
      {
        id: "old",
        state: "sealed" as const,
        registeredAt: new Date(now.getTime() - 90 * day),
        lastTestedAt: new Date(now.getTime() - 31 * day),
      },
      {
        id: "fresh",
        state: "sealed" as const,
        registeredAt: new Date(now.getTime() - 90 * day),
        lastTestedAt: new Date(now.getTime() - 3 * day),
      },
      {
        id: "never",
        state: "sealed" as const,
        registeredAt: new Date(now.getTime() - 40 * day),
        lastTestedAt: null,
      },
      {
        id: "needed",
        state: "needed" as const,
        registeredAt: new Date(now.getTime() - 90 * day),
        lastTestedAt: null,
      },
    ];
    expect(overdueSealTests(ports, now, 30).map((p) => p.id)).toEqual(["old", "never"]);
    expect(DEFAULT_SEAL_TEST_INTERVAL_DAYS).toEqual({ days: 30, unverified: true });
  });

  it("[Z-5.8] treats a broken seal as an incident only on a port that is not needed", () => {
    expect(brokenSealIsIncident("sealed", "broken")).toBe(true);
    expect(brokenSealIsIncident("needed", "broken")).toBe(false);
    expect(brokenSealIsIncident("sealed", "intact")).toBe(false);
  });
});

describe("media, copies and the handover", () => {
  it("[Z-7.5] allows a copy only on a designated device by an active designated person", () => {
    const dev = { name: "NAS", designatedStorage: true };
    const person = { name: "A", designatedOperator: true, status: "active" as const };
    expect(copyRefusal(dev, person)).toBeUndefined();
    expect(copyRefusal({ ...dev, designatedStorage: false }, person)?.code).toBe(
      "COPY_DEVICE_NOT_DESIGNATED",
    );
    expect(copyRefusal(dev, { ...person, designatedOperator: false })?.code).toBe(
      "COPY_PERSON_NOT_DESIGNATED",
    );
    expect(copyRefusal(dev, { ...person, status: "revoked" })?.clause).toBe("Z-7.5");
  });

  it("[Z-7.6] refuses to hand over a medium that was already handed over or destroyed", () => {
    expect(mediaStatusRefusal("R-1", "in_use")).toBeUndefined();
    expect(mediaStatusRefusal("R-1", "destroyed")?.code).toBe("MEDIA_NOT_IN_USE");
  });

  it("[Z-7.7] parses manifests in CSV and JSON alike and digests them independently of order", () => {
    const csv = `path,size,sm3,sha256\n"b/2.tif",20,${H("b")},${H("c")}\n./a/1.tif,10,${H("A")},${H("d")}\n`;
    const json = JSON.stringify({
      files: [
        { path: "a/1.tif", size: 10, sm3: H("a"), sha256: H("d") },
        { path: "b/2.tif", sizeBytes: 20, sm3: H("b"), sha256: H("c") },
      ],
    });
    const a = parseManifest(csv);
    const b = parseManifest(json);
    expect(a).toEqual(b);
    expect(a[0]).toEqual({ path: "a/1.tif", sizeBytes: 10, sm3: H("a"), sha256: H("d") });
    expect(manifestDigest(a)).toBe(manifestDigest([...b].reverse()));
  });

  it("[Z-7.7] refuses a manifest with a bad hash, a bad size or a path listed twice", () => {
    expect(() => parseManifest(`path,size,sm3,sha256\nx,1,nothex,${H("a")}`)).toThrow(
      expect.objectContaining({ code: "MANIFEST_INVALID", clause: "Z-7.7" }),
    );
    expect(() =>
      parseManifest(JSON.stringify([{ path: "x", size: -1, sm3: H("a"), sha256: H("a") }])),
    ).toThrow();
    const dup = { path: "x", size: 1, sm3: H("a"), sha256: H("a") };
    expect(() => parseManifest(JSON.stringify([dup, dup]))).toThrow(
      expect.objectContaining({ code: "MANIFEST_INVALID" }),
    );
  });

  it("[Z-7.7] lists missing, extra and mismatched files", () => {
    const manifest = [
      { path: "a.tif", sizeBytes: 1, sm3: H("a") },
      { path: "b.tif", sizeBytes: 2, sm3: H("b") },
      { path: "c.tif", sizeBytes: 3, sm3: H("c") },
    ];
    const actual = [
      { path: "./a.tif", sizeBytes: 1, sm3: H("a") },
      { path: "b.tif", sizeBytes: 2, sm3: H("f") },
      { path: "d.tif", sizeBytes: 4, sm3: H("d") },
    ];
    expect(compareManifest(manifest, actual)).toEqual({
      outcome: "mismatch",
      missing: ["c.tif"],
      extra: ["d.tif"],
      mismatched: ["b.tif"],
    });
    expect(compareManifest(manifest, manifest).outcome).toBe("match");
  });

  it("[Z-7.7] names every open point of the media handover until it is complete", () => {
    expect(mediaHandoverOpenPoints([], []).map((p) => p.kind)).toEqual(["no_results_media", "no_handover"]);
    const media = [
      { id: "m1", label: "R-1", purpose: "results" as const, status: "handed_to_client" as const },
      { id: "m2", label: "B-1", purpose: "backup" as const, status: "in_use" as const },
    ];
    const h = { id: "h1", verifiedOutcome: null, noCopyConfirmed: false };
    expect(mediaHandoverOpenPoints(media, [h]).map((p) => p.kind)).toEqual([
      "media_not_handed",
      "manifest_not_verified",
      "no_copy_not_confirmed",
    ]);
    const done = media.map((m) => ({ ...m, status: "handed_to_client" as const }));
    expect(
      mediaHandoverOpenPoints(done, [{ ...h, verifiedOutcome: "mismatch" as const, noCopyConfirmed: true }]),
    ).toEqual([{ kind: "manifest_mismatch", handoverId: "h1" }]);
    expect(
      mediaHandoverOpenPoints(done, [{ ...h, verifiedOutcome: "match" as const, noCopyConfirmed: true }]),
    ).toEqual([]);
  });

  it("[Z-7.7] binds the no-copy statement to the manifest's digest", () => {
    const a = noCopyStatement({ projectCode: "P", handoverId: "h", manifestDigest: H("a") });
    const b = noCopyStatement({ projectCode: "P", handoverId: "h", manifestDigest: H("b") });
    expect(a).toContain(H("a"));
    expect(a).not.toBe(b);
  });
});
