export * from "./checklist.ts";
export * from "./inspection-rules.ts";
export * from "./policy.ts";
export * from "./prefill.ts";
export * from "./rectification-workflow.ts";
export * from "./sampling.ts";
export * from "./schemas.ts";
export * from "./severity.ts";
