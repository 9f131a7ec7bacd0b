export * from "./compliance.ts";
export * from "./environment.ts";
export * from "./reference-code.ts";
export * from "./safekeeping.ts";
