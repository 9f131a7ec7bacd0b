export * from "./checklist.ts";
export * from "./rules.ts";
export * from "./schemas.ts";
