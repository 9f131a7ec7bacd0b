import { describe, expect, it } from "vitest";
import { flagPrices, normaliseFee, priceBand } from "../src/oversight-registry/index.ts";

const base = { quantity: null, quantityUnit: null, termStart: null, termEnd: null };

describe("market: fee normalisation and outliers", () => {
  it("[G-5] normalises custody fees to yuan per box-year, whatever the period of the contract", () => {
    expect(normaliseFee({ ...base, serviceType: "custody", price: 18, pricingUnit: "元/盒·月" })).toEqual({
      unit: "box_year",
      value: 216,
    });
    expect(
      normaliseFee({ ...base, serviceType: "custody", price: 200, pricingUnit: "元/盒/年" })?.value,
    ).toBe(200);
    const lump = normaliseFee({
      serviceType: "custody",
      price: 120_000,
      pricingUnit: "元",
      quantity: 500,
      quantityUnit: "盒",
      termStart: "2026-01-01",
      termEnd: "2027-12-31",
    });
    expect(lump?.unit).toBe("box_year");
    expect(lump?.value).toBeCloseTo(120, 0);
  });

  it("[Z-5.2] normalises digitization fees to yuan per page and refuses what it cannot compare", () => {
    expect(normaliseFee({ ...base, serviceType: "digitization", price: 0.45, pricingUnit: "元/页" })).toEqual(
      {
        unit: "page",
        value: 0.45,
      },
    );
    expect(
      normaliseFee({
        ...base,
        serviceType: "digitization",
        price: 90_000,
        pricingUnit: "元",
        quantity: 200_000,
        quantityUnit: "页",
      })?.value,
    ).toBe(0.45);
    expect(normaliseFee({ ...base, serviceType: "custody", price: 18, pricingUnit: "元/次" })).toBeNull();
    expect(normaliseFee({ ...base, serviceType: "arrangement", price: 15, pricingUnit: "元/盒" })).toEqual({
      unit: "box",
      value: 15,
    });
    expect(
      normaliseFee({ ...base, serviceType: "custody", price: null, pricingUnit: "元/盒·月" }),
    ).toBeNull();
  });

  it("[G-5] flags inflated and dumping prices by median ± k·MAD, not dragged by the outliers", () => {
    const prices = [200, 210, 190, 205, 215, 195, 600, 40];
    expect(flagPrices(prices)).toEqual([null, null, null, null, null, null, "inflated", "dumping"]);
    const band = priceBand(prices);
    expect(band.median).toBeCloseTo(202.5);
    expect(flagPrices(prices, { k: 100, minGroupSize: 4 }).every((f) => f === null)).toBe(true);
  });

  it("[G-5] flags nothing in a group too small to judge, and tolerates identical prices", () => {
    expect(flagPrices([100, 1000, 10])).toEqual([null, null, null]);
    expect(flagPrices([100, 100, 100, 100, 105])).toEqual([null, null, null, null, null]);
  });
});
