export { buildApp } from "./app.ts";
export { type Config, loadConfig } from "./config.ts";
export type { Deps } from "./context.ts";
export { loadClauses } from "./lib/clauses.ts";
export { BlobStore } from "./modules/attachments/blob-store.ts";
export type { Services } from "./services.ts";
export { type RunningServer, startServer } from "./start.ts";
