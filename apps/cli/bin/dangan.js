#!/usr/bin/env node
// Entry point installed as `dangan`: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
