export * from "./common-passwords.ts";
export * from "./masking.ts";
export * from "./schemas.ts";
