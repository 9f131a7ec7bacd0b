export * from "./prohibitions.ts";
export * from "./schemas.ts";
export * from "./workflow.ts";
