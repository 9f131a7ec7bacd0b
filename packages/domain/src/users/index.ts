export * from "./masking.ts";
export * from "./schemas.ts";
