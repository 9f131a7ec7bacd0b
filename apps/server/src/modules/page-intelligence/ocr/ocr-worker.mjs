// Worker entry (plain JS): registers tsx so that the TypeScript worker runs
// whether the server was started by tsx, by vitest or by a bench script.
import { register } from "tsx/esm/api";

register();
await import("./ocr-worker.ts");
