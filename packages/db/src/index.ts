export * from "./audit.ts";
export * from "./connect.ts";
export { DataDirInUseError } from "./embedded/lock.ts";
export * from "./local-settings.ts";
export * from "./migrate.ts";
export * from "./prepared.ts";
export type * from "./schema/index.ts";
export * from "./tx.ts";
