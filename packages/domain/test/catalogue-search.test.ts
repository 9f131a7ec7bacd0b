import { describe, expect, it } from "vitest";
import {
  catalogueSearchScope,
  normaliseSearchText,
  referencePrefix,
  searchBigrams,
  systemActor,
  titleQuery,
  titleSearchBigrams,
  type UserActor,
} from "../src/index.ts";

const user = (orgKind: UserActor["orgKind"]): UserActor => ({
  type: "user",
  userId: "u",
  orgId: "o",
  orgKind,
  roles: [],
  regulatorLevel: orgKind === "regulator" ? "city" : null,
  supervisedDistricts: [],
});

describe("catalogue search text", () => {
  it("[D-10.1] normalises full-width characters, ASCII case and whitespace as the import does", () => {
    expect(normaliseSearchText("  ＡＢＣ　２０２３年\t湿地 ")).toBe("abc 2023年 湿地");
  });

  it("[D-10.1] cuts a query into the bigrams of each word, never across punctuation", () => {
    expect(searchBigrams("湿地保护")).toEqual(["湿地", "地保", "保护"]);
    expect(searchBigrams("湿地、保护")).toEqual(["湿地", "保护"]);
    expect(searchBigrams("《湿》地")).toEqual([]);
  });

  it("[D-10.1] stores for a title exactly the bigrams a query of any of its words asks for", () => {
    const title = "２０２３年　崇明东滩湿地保护（第1号）";
    const stored = new Set(titleSearchBigrams(title));
    expect(stored.has("湿地") && stored.has("东滩") && stored.has("23")).toBe(true);
    expect(stored.has("年 ") || stored.has("护(")).toBe(false);
    for (const word of ["湿地保护", "崇明东滩", "2023年"])
      for (const b of titleQuery(word)!.kind === "bigrams" ? searchBigrams(normaliseSearchText(word)) : [])
        expect(stored.has(b), `${word}: ${b}`).toBe(true);
  });

  it("[D-10.1] plans two characters or more on the index, and one character as a scan", () => {
    // One two-character word: its bigram alone decides; longer words are rechecked for contiguity.
    expect(titleQuery("湿地")).toEqual({ kind: "bigrams", text: "湿地", bigrams: ["湿地"], exact: true });
    expect(titleQuery("湿地保")).toMatchObject({ bigrams: ["湿地", "地保"], exact: false });
    expect(titleQuery("湿地 保护")).toMatchObject({ exact: false });
    expect(titleQuery("湿")).toEqual({ kind: "scan", text: "湿" });
    expect(titleQuery("　 ")).toBeNull();
  });

  it("[D-10.1] normalises a reference-code prefix like the catalogue import", () => {
    expect(referencePrefix("ａ００１－ws.２０２３")).toBe("A001-WS·2023");
  });
});

describe("catalogue search scope", () => {
  it("[D-10.2][D-8.10] scopes clients and agencies to their organisation, and regulators to nothing", () => {
    expect(catalogueSearchScope(user("client"))).toEqual({
      kind: "organisation",
      orgId: "o",
      party: "client",
    });
    expect(catalogueSearchScope(user("agency"))).toEqual({
      kind: "organisation",
      orgId: "o",
      party: "agency",
    });
    expect(catalogueSearchScope(user("regulator"))).toEqual({ kind: "none" });
    expect(catalogueSearchScope(systemActor("cli"))).toEqual({ kind: "all" });
  });
});
