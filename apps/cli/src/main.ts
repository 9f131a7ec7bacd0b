// `dangan`: the operator's command line. Each command lives in commands/.
import { run } from "./program.ts";

// Set the code rather than calling exit(): output drains and `serve` keeps running.
process.exitCode = await run(process.argv.slice(2));
