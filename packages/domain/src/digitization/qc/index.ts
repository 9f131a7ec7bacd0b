export * from "./catalogue-file.ts";
export * from "./delivery-checks.ts";
export * from "./file-checks.ts";
export * from "./four-property.ts";
export * from "./qc-policy.ts";
export * from "./quality-terms.ts";
export * from "./rules.ts";
export * from "./sampling.ts";
