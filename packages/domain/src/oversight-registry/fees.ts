// G-5, Z-5.2: fees from contracts normalised to one unit per service type so
// that prices of different contracts compare: yuan per box-year for custody,
// yuan per page for digitization.
export type FeeUnit = "box_year" | "box" | "page" | "volume" | "item";

export interface ContractFee {
  serviceType: string;
  price: number | null;
  pricingUnit: string | null;
  quantity: number | null;
  quantityUnit: string | null;
  termStart: string | null;
  termEnd: string | null;
}

export interface NormalisedFee {
  unit: FeeUnit;
  /** Yuan per unit. */
  value: number;
}

const PERIOD_PER_YEAR: [RegExp, number][] = [
  [/年/, 1],
  [/季/, 4],
  [/月/, 12],
  [/日|天/, 365],
];

const UNIT_WORDS: [RegExp, FeeUnit][] = [
  [/盒/, "box"],
  [/页|画幅|幅/, "page"],
  [/卷/, "volume"],
  [/件/, "item"],
];

function termYears(start: string | null, end: string | null): number | null {
  if (!start || !end) return null;
  const ms = Date.parse(end) - Date.parse(start);
  if (!Number.isFinite(ms) || ms <= 0) return null;
  return (ms + 86_400_000) / (365.25 * 86_400_000);
}

/**
 * Reads "元/盒·月", "元/盒/年", "元/页" or a lump sum ("元") with quantity and term.
 * Returns null when the contract does not say enough to compare it.
 */
export function normaliseFee(c: ContractFee): NormalisedFee | null {
  if (c.price == null || c.price <= 0 || !c.pricingUnit) return null;
  const unitText = c.pricingUnit.replace(/^元\s*\/?/, "");
  const lumpSum = unitText.trim() === "" || /^(总价|合计|项目)$/.test(unitText.trim());
  const word = UNIT_WORDS.find(([re]) => re.test(lumpSum ? (c.quantityUnit ?? "") : unitText));
  if (!word) return null;
  let perUnit = c.price;
  if (lumpSum) {
    if (!c.quantity || c.quantity <= 0) return null;
    perUnit = c.price / c.quantity;
  }
  // Custody is priced for keeping a box over time: per box-year, whatever the period.
  if (c.serviceType === "custody") {
    if (word[1] !== "box") return null;
    const period = PERIOD_PER_YEAR.find(([re]) => re.test(unitText));
    if (period) return { unit: "box_year", value: round(perUnit * period[1]) };
    const years = termYears(c.termStart, c.termEnd);
    return years ? { unit: "box_year", value: round(perUnit / years) } : null;
  }
  return { unit: word[1], value: round(perUnit) };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
