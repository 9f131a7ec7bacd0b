export * from "./common.ts";
export * from "./domain-error.ts";
