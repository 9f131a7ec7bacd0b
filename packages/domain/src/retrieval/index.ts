export * from "./grant-coverage.ts";
export * from "./modes.ts";
export * from "./request-workflow.ts";
