import { describe, expect, it } from "vitest";
import {
  assertContractComplete,
  type ContractFields,
  contractRequirements,
  type DomainError,
  missingContractFields,
} from "../src/index.ts";

const general: ContractFields = {
  content: "寄存托管",
  termStart: "2026-01-01",
  termEnd: "2027-12-31",
  quantity: 100,
  quantityUnit: "盒",
  price: 10,
  pricingUnit: "元/盒·月",
  confidentialityTerms: "保密",
  rightsAndDuties: "权利义务",
  breachLiability: "违约责任",
};

describe("contract requirements", () => {
  it("[G-10] requires content, term, quantity, price, confidentiality, rights and duties, liability", () => {
    const fields = contractRequirements("arrangement").map((r) => r.field);
    for (const f of [
      "content",
      "termStart",
      "termEnd",
      "quantity",
      "price",
      "confidentialityTerms",
      "rightsAndDuties",
      "breachLiability",
    ]) {
      expect(fields).toContain(f);
    }
    expect(missingContractFields({}, "arrangement").every((m) => m.clause === "G-10")).toBe(true);
  });

  it("[D-7.3] requires damage compensation for custody", () => {
    const missing = missingContractFields(general, "custody");
    expect(missing.map((m) => [m.field, m.clause])).toEqual([["damageCompensation", "D-7.3"]]);
    expect(() =>
      assertContractComplete({ ...general, damageCompensation: "每卷5000元" }, "custody"),
    ).not.toThrow();
  });

  it("[Z-5.3] requires technical standards and security requirements for digitization", () => {
    const missing = missingContractFields({ ...general, damageCompensation: "x" }, "digitization");
    expect(missing.map((m) => m.clause)).toEqual(["Z-5.3", "Z-5.3"]);
  });

  it("[G-10] treats blank text as missing and refuses a term that ends before it starts", () => {
    expect(missingContractFields({ ...general, content: "  " }, "arrangement").map((m) => m.field)).toContain(
      "content",
    );
    try {
      assertContractComplete({ ...general, termEnd: "2025-01-01", technicalStandards: "x" }, "arrangement");
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe("CONTRACT_TERM_INVALID");
    }
  });

  it("[G-10] lists every missing term in both languages", () => {
    try {
      assertContractComplete({}, "custody");
      expect.unreachable();
    } catch (e) {
      const err = e as DomainError;
      expect(err.code).toBe("CONTRACT_INCOMPLETE");
      expect(err.messages.zh).toContain("保密条款");
      expect(err.messages.en).toContain("damage compensation");
    }
  });
});
