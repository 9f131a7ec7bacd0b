export * from "./chain.ts";
export * from "./events.ts";
