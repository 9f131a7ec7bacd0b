export * from "./common-passwords.ts";
export * from "./masking.ts";
export * from "./mfa.ts";
export * from "./schemas.ts";
export * from "./totp.ts";
