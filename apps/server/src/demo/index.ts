export { DEMO_ORGS, DEMO_PASSWORD } from "./demo-world.ts";
export { seedDemo } from "./seed.ts";
