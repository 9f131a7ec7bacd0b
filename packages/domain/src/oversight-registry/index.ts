export * from "./fees.ts";
export * from "./filings.ts";
export * from "./incidents.ts";
export * from "./outliers.ts";
export * from "./standing.ts";
