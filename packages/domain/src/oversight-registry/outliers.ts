// G-5: "防止价格虚高，防止恶意竞争、低价劣质". A robust outlier rule: a price is
// flagged when it lies more than k scaled MADs from the median of its group.
// Median and MAD are not dragged by the outliers themselves, unlike mean ± sd.
export type PriceFlag = "inflated" | "dumping" | null;

export interface OutlierRule {
  /** Scaled MADs from the median beyond which a price is flagged. */
  k: number;
  /** Fewer comparable prices than this: flag nothing. */
  minGroupSize: number;
}

export const DEFAULT_OUTLIER_RULE: OutlierRule = { k: 3, minGroupSize: 4 };

/** 1.4826 makes MAD estimate the standard deviation of normally distributed data. */
const MAD_SCALE = 1.4826;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface PriceBand {
  median: number;
  mad: number;
  low: number;
  high: number;
  n: number;
}

export function priceBand(values: readonly number[], rule: OutlierRule = DEFAULT_OUTLIER_RULE): PriceBand {
  const m = median(values);
  const mad = MAD_SCALE * median(values.map((v) => Math.abs(v - m)));
  // A group of identical prices has MAD 0; allow 10% around the median instead of flagging everything.
  const spread = Math.max(rule.k * mad, 0.1 * Math.abs(m));
  return { median: m, mad, low: m - spread, high: m + spread, n: values.length };
}

/** G-5: flags each price of a comparable group as inflated, dumping or null. */
export function flagPrices(values: readonly number[], rule: OutlierRule = DEFAULT_OUTLIER_RULE): PriceFlag[] {
  if (values.length < rule.minGroupSize) return values.map(() => null);
  const band = priceBand(values, rule);
  return values.map((v) => (v > band.high ? "inflated" : v < band.low ? "dumping" : null));
}
