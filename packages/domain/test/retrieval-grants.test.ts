import { describe, expect, it } from "vitest";
import {
  applyTransition,
  type GrantView,
  grantDigest,
  granteeMismatch,
  readingRoomRefusal,
  retrievalPolicy,
  USE_REQUEST_WORKFLOW,
  type UseRequestContext,
  useRequestRefusal,
} from "../src/index.ts";

const grant: GrantView = {
  id: "g",
  status: "issued",
  confirmedByClient: true,
  modes: ["reading"],
  validFrom: "2026-01-01",
  validTo: "2026-12-31",
  itemIds: new Set(["i1"]),
  boxIds: new Set(["b2"]),
};
const at = new Date("2026-06-01T02:00:00Z");

describe("written grants and use requests", () => {
  it("[D-10.2] never obstructs the client's own use and refuses others without a grant", () => {
    const items = [{ itemId: "x", boxId: null }];
    expect(useRequestRefusal({ requester: "client", mode: "loan", items, grant: null, at })).toBeUndefined();
    expect(
      useRequestRefusal({ requester: "third_party", mode: "reading", items, grant: null, at })?.code,
    ).toBe("GRANT_REQUIRED");
    const later = new Date("2027-01-01T02:00:00Z");
    expect(
      useRequestRefusal({
        requester: "third_party",
        mode: "reading",
        items: [{ itemId: "i1", boxId: null }],
        grant,
        at: later,
      })?.code,
    ).toBe("GRANT_NOT_VALID_NOW");
  });

  it("[D-10.5] covers items named or boxed in the grant and nothing else", () => {
    const r = (itemId: string, boxId: string | null) =>
      useRequestRefusal({ requester: "third_party", mode: "reading", items: [{ itemId, boxId }], grant, at })
        ?.code;
    expect(r("i1", null)).toBeUndefined();
    expect(r("i9", "b2")).toBeUndefined();
    expect(r("i9", "b3")).toBe("ITEM_OUTSIDE_GRANT");
  });

  it("[D-10.7] proxy search needs a grant commissioning the agency", () => {
    expect(
      useRequestRefusal({
        requester: "agency_proxy",
        mode: "proxy_search",
        items: [{ itemId: "i1", boxId: null }],
        grant: null,
        at,
      })?.code,
    ).toBe("PROXY_SEARCH_NEEDS_GRANT");
    const g = {
      granteeKind: "organisation" as const,
      granteeName: "X",
      granteeIdNumber: null,
      granteeOrgId: "other",
    };
    const m = granteeMismatch({
      requester: "agency_proxy",
      actorOrgId: "ag",
      agencyOrgId: "ag",
      grant: g,
      userName: "x",
      userIdNumber: null,
    });
    expect(m?.code).toBe("GRANT_NOT_FOR_REQUESTER");
  });

  it("[D-10.2] a person's grant serves only that person", () => {
    const g = {
      granteeKind: "person" as const,
      granteeName: "李明",
      granteeIdNumber: "31010119900101123X",
      granteeOrgId: null,
    };
    const base = { requester: "third_party" as const, actorOrgId: "ag", agencyOrgId: "ag", grant: g };
    expect(
      granteeMismatch({ ...base, userName: "李明", userIdNumber: "31010119900101123x" }),
    ).toBeUndefined();
    expect(granteeMismatch({ ...base, userName: "王强", userIdNumber: null })?.code).toBe(
      "GRANT_NOT_FOR_REQUESTER",
    );
  });

  it("[D-10.2] the grant digest changes with any item and ignores order", () => {
    const doc = {
      grantNo: "SQ1",
      projectId: "p",
      clientOrgId: "c",
      grantee: { kind: "person", name: "李明", idKind: "id_card", idNumber: "1", orgId: null },
      modes: ["reading", "loan"],
      purpose: "审计",
      validFrom: "2026-01-01",
      validTo: "2026-12-31",
      itemIds: ["a", "b"],
      boxIds: [],
    };
    expect(grantDigest(doc)).toBe(grantDigest({ ...doc, itemIds: ["b", "a"], modes: ["loan", "reading"] }));
    expect(grantDigest(doc)).not.toBe(grantDigest({ ...doc, itemIds: ["a", "b", "c"] }));
  });

  it("[D-10.6] a reading room is the agency's public service room under an all-day camera covering it", () => {
    const room = { id: "r", siteId: "s", roomFunction: "public_service", agencyOrgId: "ag" };
    const cam = { id: "c", siteId: "s", covers: ["reading_room"], recordingAllDay: true };
    expect(readingRoomRefusal({ room, cameras: [cam] }, "ag")).toBeUndefined();
    expect(
      readingRoomRefusal({ room: { ...room, roomFunction: "office" }, cameras: [cam] }, "ag")?.code,
    ).toBe("NOT_A_READING_ROOM");
    expect(readingRoomRefusal({ room, cameras: [{ ...cam, covers: ["lift"] }] }, "ag")?.code).toBe(
      "READING_ROOM_NOT_COVERED",
    );
    expect(readingRoomRefusal({ room, cameras: [{ ...cam, recordingAllDay: false }] }, "ag")?.code).toBe(
      "READING_ROOM_NOT_COVERED",
    );
  });

  it("[D-10.3] on-site service waits for the letter and the reader's ID", () => {
    const ctx = {
      mode: "reading",
      requester: "third_party",
      accessRefusal: undefined,
      boxesNotRetrieved: [],
      letterRecorded: false,
      readerIdChecked: true,
      readingRoomCovered: true,
    } as unknown as UseRequestContext;
    expect(() => applyTransition(USE_REQUEST_WORKFLOW, "retrieved", "start_service", ctx)).toThrow(/letter/i);
    expect(
      applyTransition(USE_REQUEST_WORKFLOW, "retrieved", "start_service", { ...ctx, letterRecorded: true }),
    ).toBe("in_service");
  });

  it("[D-10.2] regulators read no grant; the grantee organisation reads the grant naming it", () => {
    const regulator = {
      type: "user",
      userId: "u",
      orgId: "reg",
      orgKind: "regulator",
      roles: ["regulator_admin"],
      regulatorLevel: "city",
      supervisedDistricts: [],
    } as const;
    const grantee = {
      ...regulator,
      orgId: "ge",
      orgKind: "client",
      roles: ["client_archive_officer"],
    } as const;
    const g = { clientOrgId: "c", agencyOrgId: "a", granteeOrgId: "ge" };
    expect(
      retrievalPolicy.readGrant({ ...regulator, roles: [...regulator.roles], supervisedDistricts: [] }, g),
    ).toBe(false);
    expect(
      retrievalPolicy.readGrant({ ...grantee, roles: [...grantee.roles], supervisedDistricts: [] }, g),
    ).toBe(true);
    expect(
      retrievalPolicy.manageGrants({ ...grantee, roles: [...grantee.roles], supervisedDistricts: [] }, "c"),
    ).toBe(false);
  });
});
