// `dangan`: the operator's command line. Each command lives in commands/.
import { Command } from "commander";
import { serveCommand } from "./commands/serve.ts";

const program = new Command("dangan").description("Dangan 档案 — archive outsourcing platform").version("0.1.0");
program.addCommand(serveCommand());

await program.parseAsync(process.argv);
